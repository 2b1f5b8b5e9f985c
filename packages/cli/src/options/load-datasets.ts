import { resolve } from "node:path";
import { type Example, loadJsonl, type Module } from "@lathe/core";

/**
 * Reads a JSONL dataset whose rows must carry the program's required input fields (when it
 * declares them) and the metric's fields; a bad row fails with its line number.
 */
export function loadDataset(
  path: string,
  cwd: string,
  program: Module,
  metricFields: readonly string[],
): Promise<Example[]> {
  return loadJsonl(resolve(cwd, path), {
    source: path,
    requiredFields: [...new Set([...requiredInputs(program), ...metricFields])],
  });
}

/** Input fields every row needs: those of a single-predictor program's signature that are not optional. */
function requiredInputs(program: Module): string[] {
  const predictors = program.namedPredictors();
  const inputs = program.inputFields;
  if (predictors.length !== 1 || !inputs) return [];
  const signature = predictors[0]![1].signature;
  return signature.inputFields
    .filter((field) => inputs.includes(field.name) && !field.schema.safeParse(undefined).success)
    .map((field) => field.name);
}
