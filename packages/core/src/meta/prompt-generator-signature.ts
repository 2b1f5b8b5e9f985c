import { z } from "zod";
import { type Field, fieldDescription } from "../signatures/field.js";
import { Signature } from "../signatures/signature.js";
import { metaField } from "./compose-signature.js";

export interface PromptRequest {
  task: string;
  fields?: string | undefined;
}
export interface PromptParts {
  persona: string;
  context: string;
  steps: string[];
  output_format: string;
  examples: string;
}
export type PromptWriterSignature = Signature<PromptRequest, PromptParts>;

/** The teacher's step: from a task description, the parts of a complete system prompt. */
export function promptWriterSignature(): PromptWriterSignature {
  return new Signature<PromptRequest, PromptParts>(
    [
      "You are an expert prompt engineer. From a plain description of a task, write a complete system",
      "prompt for a language model that will perform it. Be specific to this task; refer to the",
      "input and output fields by their exact names when they are listed.",
    ].join(" "),
    [
      metaField("task", z.string(), "a plain description of the task"),
      metaField("fields", z.string().optional(), "the task's input and output fields, by name"),
    ],
    [
      metaField("persona", z.string(), "who the model should be, in one or two sentences starting 'You are'"),
      metaField("context", z.string(), "background the model needs, and the constraints it must respect"),
      metaField("steps", z.array(z.string()), "the steps to follow, in order"),
      metaField("output_format", z.string(), "exactly what to produce and how to format it"),
      metaField("examples", z.string(), "two or three short examples of inputs and the expected outputs"),
    ],
  );
}

/** A field list for the teacher, e.g. "Inputs: `question` (the user's question)". */
export function describeFields(inputs: readonly Field[], outputs: readonly Field[]): string {
  const list = (fields: readonly Field[]) =>
    fields
      .map((field) => {
        const description = fieldDescription(field);
        return description ? `\`${field.name}\` (${description})` : `\`${field.name}\``;
      })
      .join(", ");
  return `Inputs: ${list(inputs)}\nOutputs: ${list(outputs)}`;
}

/** The parts assembled into one system prompt. */
export function assemblePrompt(parts: PromptParts): string {
  return [
    parts.persona.trim(),
    `## Context and constraints\n${parts.context.trim()}`,
    `## Steps\n${parts.steps.map((step, index) => `${index + 1}. ${step.trim()}`).join("\n")}`,
    `## Output format\n${parts.output_format.trim()}`,
    `## Examples\n${parts.examples.trim()}`,
  ].join("\n\n");
}
