import type { Example, Module } from "@lathe/core";

/**
 * The example's values the program reads: its declared `inputFields`, else the fields some
 * predictor takes as input and none produces (a custom module receives the whole row, labels
 * included, so the row itself cannot tell).
 */
export function inputValues(program: Module, example: Example): Record<string, unknown> {
  const names = program.inputFields ?? pureInputNames(program);
  return pick(example, (name) => names.includes(name));
}

/** The example's labelled values for fields some predictor outputs (else every non-input field but `id`). */
export function expectedOutputs(program: Module, example: Example): Record<string, unknown> {
  const inputs = Object.keys(inputValues(program, example));
  const outputs = new Set(
    program
      .namedPredictors()
      .flatMap(([, predictor]) => predictor.signature.outputFields.map((field) => field.name)),
  );
  const labelled = pick(example, (name) => outputs.has(name) && !inputs.includes(name));
  if (Object.keys(labelled).length > 0) return labelled;
  return pick(example, (name) => !inputs.includes(name) && name !== "id");
}

function pureInputNames(program: Module): string[] {
  const predictors = program.namedPredictors().map(([, predictor]) => predictor.signature);
  const produced = new Set(
    predictors.flatMap((signature) => signature.outputFields.map((field) => field.name)),
  );
  return [
    ...new Set(predictors.flatMap((signature) => signature.inputFields.map((field) => field.name))),
  ].filter((name) => !produced.has(name));
}

function pick(example: Example, keep: (name: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(example).filter(([name, value]) => keep(name) && value !== undefined),
  );
}
