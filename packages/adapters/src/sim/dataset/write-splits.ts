import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SimTask } from "../sim-types.js";
import { generateDataset } from "./generate-dataset.js";

/** Options of `writeSplits`: the seed and the size of each split. */
export interface WriteSplitsOptions {
  readonly seed: number;
  readonly train: number;
  readonly dev: number;
  readonly test: number;
}

/** The JSONL files `writeSplits` wrote. */
export interface SplitPaths {
  readonly train: string;
  readonly dev: string;
  readonly test: string;
}

/**
 * Generates one seeded dataset and writes it as `train.jsonl`, `dev.jsonl` and `test.jsonl`
 * in `directory` (disjoint inputs across splits). Each file is written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
export async function writeSplits(
  task: SimTask,
  directory: string,
  options: WriteSplitsOptions,
): Promise<SplitPaths> {
  const rows = generateDataset(task, {
    seed: options.seed,
    size: options.train + options.dev + options.test,
  });
  await mkdir(directory, { recursive: true });
  const splits = {
    train: rows.slice(0, options.train),
    dev: rows.slice(options.train, options.train + options.dev),
    test: rows.slice(options.train + options.dev),
  };
  const paths = {
    train: join(directory, "train.jsonl"),
    dev: join(directory, "dev.jsonl"),
    test: join(directory, "test.jsonl"),
  };
  for (const split of ["train", "dev", "test"] as const) {
    const path = paths[split];
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, splits[split].map((row) => `${JSON.stringify(row)}\n`).join(""), "utf8");
    await rename(temporary, path);
  }
  return paths;
}
