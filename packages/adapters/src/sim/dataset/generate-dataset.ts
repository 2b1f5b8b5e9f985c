import { canonicalJson, createRng } from "@lathe/core";
import type { SimExample, SimTask } from "../sim-types.js";

/** Options of `generateDataset`. */
export interface GenerateDatasetOptions {
  /** Seeds the generator: the same seed always gives the same rows. */
  readonly seed: number;
  /** How many rows to generate. */
  readonly size: number;
}

const attemptsPerRow = 50;

/**
 * Seeded rows of a task: an `id`, the input fields, the (gold) output fields and any labelled
 * intermediate fields. Inputs are distinct unless the task cannot produce enough variety.
 */
export function generateDataset(task: SimTask, options: GenerateDatasetOptions): SimExample[] {
  const rng = createRng(`${task.name}:${options.seed}`);
  const seen = new Set<string>();
  const rows: SimExample[] = [];
  const fields = [...task.inputs, ...task.intermediate, ...task.outputs].map((field) => field.name);
  for (let index = 0; index < options.size; index++) {
    let values = task.generateExample(rng.fork(`${index}:0`));
    let key = canonicalJson(task.inputs.map((field) => values[field.name]));
    for (let attempt = 1; seen.has(key) && attempt < attemptsPerRow; attempt++) {
      values = task.generateExample(rng.fork(`${index}:${attempt}`));
      key = canonicalJson(task.inputs.map((field) => values[field.name]));
    }
    seen.add(key);
    const row: Record<string, unknown> = { id: `${task.name}-${options.seed}-${index}` };
    for (const name of fields) row[name] = values[name];
    rows.push(row as SimExample);
  }
  return rows;
}
