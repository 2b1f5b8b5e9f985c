import { z } from "zod";
import { effectiveInstructions } from "../adapters/render.js";
import type { Field } from "../signatures/field.js";
import type { AnySignature, InferInputs, InferOutputs, Signature } from "../signatures/signature.js";
import { composeSignature, metaField } from "./compose-signature.js";
import type { Simplify } from "./simplify.js";
import type { Tool } from "./tool.js";

export type TrajectoryInputs<S extends AnySignature> = Simplify<InferInputs<S> & { trajectory: string }>;
export interface ReActTurn {
  next_thought: string;
  next_tool_name: string;
  next_tool_args: string;
}
export type ReActTurnSignature<S extends AnySignature> = Signature<TrajectoryInputs<S>, ReActTurn>;
export type ExtractSignature<S extends AnySignature> = Signature<TrajectoryInputs<S>, InferOutputs<S>>;

const trajectoryField = metaField(
  "trajectory",
  z.string(),
  "the steps taken so far: thoughts, tool calls and their observations",
);

const names = (fields: readonly Field[]) => fields.map((field) => `\`${field.name}\``).join(", ");

function toolLine(index: number, tool: Tool): string {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(tool.parameters, {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return `(${index + 1}) ${tool.name}: ${tool.description} Arguments (JSON Schema): ${JSON.stringify(schema)}`;
}

/** One turn of the agent: a thought, the next tool and its JSON arguments, given the trajectory. */
export function turnSignature<S extends AnySignature>(
  signature: S,
  tools: readonly Tool[],
): ReActTurnSignature<S> {
  const outputs = names(signature.outputFields);
  const finish = `(${tools.length + 1}) finish: Marks the task as complete: everything needed to produce ${outputs} is now in the trajectory. Arguments: {}`;
  const instructions = [
    effectiveInstructions(signature, undefined),
    "",
    `You are an agent. You are given the fields ${names(signature.inputFields)} and your trajectory so far;`,
    `use the tools below to gather what you need to produce ${outputs}.`,
    "In each turn write `next_thought` (reason about the situation and plan ahead), then choose",
    "`next_tool_name` and give `next_tool_args` as a JSON object matching the tool's arguments.",
    "Each tool's result is appended to your trajectory as an observation. Call `finish` when done.",
    "",
    "Tools:",
    ...tools.map((tool, index) => toolLine(index, tool)),
    finish,
  ].join("\n");
  return composeSignature(
    "ReAct",
    instructions,
    [...signature.inputFields, trajectoryField],
    [
      metaField("next_thought", z.string(), "your reasoning about the next step"),
      metaField(
        "next_tool_name",
        z.string(),
        `one of: ${[...tools.map((tool) => tool.name), "finish"].join(", ")}`,
      ),
      metaField("next_tool_args", z.string(), "the tool's arguments as a JSON object, e.g. {}"),
    ],
  );
}

/** The final step: the task's outputs, read off the finished trajectory. */
export function extractSignature<S extends AnySignature>(signature: S): ExtractSignature<S> {
  const instructions = [
    effectiveInstructions(signature, undefined),
    "",
    "An agent has worked on this task with tools; `trajectory` holds its steps and observations.",
    "Using the inputs and the trajectory, produce the outputs.",
  ].join("\n");
  return composeSignature(
    "ReAct",
    instructions,
    [...signature.inputFields, trajectoryField],
    signature.outputFields,
  );
}
