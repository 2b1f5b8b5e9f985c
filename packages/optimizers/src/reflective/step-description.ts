import type { Module, Predictor } from "@lathe/core";

/** One line naming a predictor and its fields, e.g. "step `answer` (2 of 2): `question`, `hint` -> `answer`". */
export function describeStep(program: Module, path: string): string {
  const predictors = program.namedPredictors();
  const position = predictors.findIndex(([candidate]) => candidate === path);
  const predictor = predictors[position]?.[1];
  if (!predictor) throw new RangeError(`no predictor '${path}' in the program`);
  return `step \`${path}\` (${position + 1} of ${predictors.length}): ${fieldsOf(predictor)}`;
}

/** What the program does when the user gave no task description: its steps and their fields. */
export function defaultTaskDescription(program: Module): string {
  const steps = program.namedPredictors().map(([path, predictor]) => `\`${path}\` (${fieldsOf(predictor)})`);
  return `A program with ${steps.length === 1 ? "one step" : `${steps.length} steps`}: ${steps.join("; ")}. Infer the task from the fields and the examples.`;
}

function fieldsOf(predictor: Predictor): string {
  const names = (fields: readonly { name: string }[]) =>
    fields.map((field) => `\`${field.name}\``).join(", ");
  return `${names(predictor.signature.inputFields)} -> ${names(predictor.signature.outputFields)}`;
}
