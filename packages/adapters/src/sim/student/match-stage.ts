import { decodeValue } from "../prompt/field-values.js";
import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import type { SimField, SimStage, SimTask, SimValues } from "../sim-types.js";

export interface StageMatch {
  readonly task: SimTask;
  readonly stage: SimStage;
}

/**
 * The task stage a query belongs to: most of the requested outputs (besides `reasoning`) are
 * the stage's outputs and the query holds the stage's first input.
 */
export function matchStage(tasks: readonly SimTask[], prompt: ParsedPrompt): StageMatch | undefined {
  const query = prompt.query;
  const wanted = prompt.requestedOutputs.filter((name) => name !== "reasoning");
  if (!query || wanted.length === 0) return undefined;
  let best: StageMatch | undefined;
  let bestScore = 0;
  for (const task of tasks) {
    for (const stage of task.stages) {
      const outputs = new Set(stage.outputs.map((field) => field.name));
      const overlap = wanted.filter((name) => outputs.has(name)).length;
      if (overlap * 2 < wanted.length || overlap === 0 || !query.has(stage.inputs[0]?.name ?? "")) continue;
      const score = overlap * 10 + stage.inputs.filter((field) => query.has(field.name)).length;
      if (score > bestScore) [best, bestScore] = [{ task, stage }, score];
    }
  }
  return best;
}

/** Decodes raw prompt values to the types of the given fields; fields absent stay absent. */
export function decodeFields(fields: readonly SimField[], raw: ReadonlyMap<string, unknown>): SimValues {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (raw.has(field.name)) values[field.name] = decodeValue(raw.get(field.name), field.type);
  }
  return values;
}

/** Like `decodeFields`, as a map that keeps only the fields present. */
export function decodeFieldMap(
  fields: readonly SimField[],
  raw: ReadonlyMap<string, unknown>,
): Map<string, unknown> {
  return new Map(Object.entries(decodeFields(fields, raw)));
}
