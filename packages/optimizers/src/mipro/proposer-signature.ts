import { type Field, Signature } from "@lathe/core";
import { z } from "zod";

/** Which grounding inputs the proposer is shown. */
export interface ProposerGrounding {
  readonly dataAware: boolean;
  readonly programAware: boolean;
  readonly fewshotAware: boolean;
  readonly tipAware: boolean;
}

export interface ProposerInputs {
  dataset_description?: string;
  program_code?: string;
  program_description?: string;
  module: string;
  module_description?: string;
  task_demos?: string;
  basic_instruction: string;
  tip?: string;
}

export interface ProposerOutputs {
  proposed_instruction: string;
}

const INSTRUCTIONS =
  "Use the information below to learn about a task that we are trying to solve using calls to a language " +
  "model, then write a new instruction for the given module that will prompt a language model to solve the " +
  "task better. State the rules a correct answer must follow, including the unusual cases.";

const field = (name: keyof ProposerInputs | keyof ProposerOutputs, description: string): Field => ({
  name,
  schema: z.string(),
  description,
});

/**
 * The proposer's signature (DSPy's GenerateSingleModuleInstruction) with only the enabled
 * grounding inputs, so a disabled one never appears in the prompt, not even as an empty field.
 */
export function proposerSignature(grounding: ProposerGrounding): Signature<ProposerInputs, ProposerOutputs> {
  const inputs: Array<Field | false> = [
    grounding.dataAware && field("dataset_description", "a description of the task's dataset"),
    grounding.programAware && field("program_code", "the structure and source code of the program"),
    grounding.programAware && field("program_description", "what the program does"),
    field("module", "the module to write the instruction for: its name, input and output fields"),
    grounding.programAware && field("module_description", "the module's role in the program"),
    grounding.fewshotAware && field("task_demos", "examples of the module's inputs and outputs"),
    field("basic_instruction", "the module's current instruction"),
    grounding.tipAware && field("tip", "a suggestion for how to write the new instruction"),
  ];
  return new Signature<ProposerInputs, ProposerOutputs>(
    INSTRUCTIONS,
    inputs.filter((input): input is Field => input !== false),
    [field("proposed_instruction", "the new instruction for the module")],
  );
}
