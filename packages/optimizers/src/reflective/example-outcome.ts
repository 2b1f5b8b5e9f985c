import type { EvaluationResult, Module } from "@lathe/core";
import { expectedOutputs } from "./example-fields.js";

/** One evaluated example as a teacher sees it, from the point of view of one predictor. */
export interface ExampleOutcome {
  /** Position in the evaluated examples. */
  readonly index: number;
  readonly score: number;
  /** What the predictor was given (from the trace; the example's values when it never ran). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** What the predictor answered, when it ran. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** The program's final prediction, when it differs from the predictor's outputs. */
  readonly programOutputs?: Readonly<Record<string, unknown>>;
  /** The example's labelled values for output fields of the program. */
  readonly expected: Readonly<Record<string, unknown>>;
  readonly feedback?: string;
  /** Why the program failed on it (e.g. an OutputParseError), when it did. */
  readonly error?: string;
}

/**
 * Turns an evaluation kept with traces into per-example outcomes for the predictor at `path`:
 * its traced inputs and outputs, the program's prediction and the expected outputs.
 */
export function outcomesFor(program: Module, path: string, evaluation: EvaluationResult): ExampleOutcome[] {
  const predictors = program.namedPredictors();
  const predictor = predictors.find(([candidate]) => candidate === path)?.[1];
  if (!predictor) throw new RangeError(`no predictor '${path}' in the program`);
  return evaluation.results.map((result) => {
    const step = result.trace?.find((entry) => entry.path === path);
    const inputs =
      step?.inputs ??
      pick(
        result.example,
        predictor.signature.inputFields.map((field) => field.name),
      );
    const prediction = result.prediction;
    const sameAsStep = step !== undefined && prediction !== undefined && sameValues(step.outputs, prediction);
    return {
      index: result.index,
      score: result.score,
      inputs,
      ...(step ? { outputs: step.outputs } : {}),
      ...(prediction && !sameAsStep ? { programOutputs: prediction } : {}),
      expected: expectedOutputs(program, result.example),
      ...(result.feedback === undefined ? {} : { feedback: result.feedback }),
      ...(result.error === undefined ? {} : { error: result.error }),
    };
  });
}

function pick(example: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    names.filter((name) => example[name] !== undefined).map((name) => [name, example[name]]),
  );
}

function sameValues(step: Readonly<Record<string, unknown>>, prediction: Readonly<Record<string, unknown>>) {
  return JSON.stringify(step) === JSON.stringify(prediction);
}
