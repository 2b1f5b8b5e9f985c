import type { Example, Module } from "@lathe/core";
import { expectedOutputs, inputValues } from "./example-fields.js";
import { fieldLines } from "./render-outcome.js";

/** A labelled example for a teacher prompt (not a failure): the program's inputs and the correct outputs. */
export function renderLabelledExample(program: Module, example: Example, title: string): string {
  return [
    `### ${title}`,
    "Inputs:",
    ...fieldLines(inputValues(program, example)),
    "Correct outputs:",
    ...fieldLines(expectedOutputs(program, example)),
  ].join("\n");
}
