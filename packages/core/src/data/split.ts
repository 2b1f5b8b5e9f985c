import { createRng } from "../random/rng.js";
import { shuffled } from "../random/shuffle.js";
import { hashValue } from "../util/hash.js";
import type { Example } from "./example.js";

/** A seeded shuffled copy. */
export function shuffleExamples<T>(examples: readonly T[], seed: number): T[] {
  return shuffled(examples, createRng(seed).fork("shuffle"));
}

/**
 * Seeded split into consecutive parts of the shuffled data. `sizes` are counts, or fractions
 * summing to at most 1 (e.g. `[0.5, 0.5]`).
 */
export function splitExamples<T>(
  examples: readonly T[],
  options: { seed: number; sizes: readonly number[] },
): T[][] {
  const all = shuffleExamples(examples, options.seed);
  const fractional =
    options.sizes.every((size) => size > 0 && size <= 1) && options.sizes.some((size) => size < 1);
  // Fractions are rounded at their cumulative boundaries, so the parts never add up to more than all.
  let cumulative = 0;
  const counts = options.sizes.map((size) => {
    if (!fractional) return size;
    const start = Math.round(cumulative * all.length);
    cumulative += size;
    return Math.round(cumulative * all.length) - start;
  });
  if (counts.some((count) => !Number.isInteger(count) || count < 0)) {
    throw new RangeError(`split sizes must be whole counts or fractions, got ${options.sizes.join(", ")}`);
  }
  if (counts.reduce((sum, count) => sum + count, 0) > all.length) {
    throw new RangeError(`split sizes ${counts.join(" + ")} exceed the ${all.length} examples`);
  }
  let offset = 0;
  return counts.map((count) => {
    const part = all.slice(offset, offset + count);
    offset += count;
    return part;
  });
}

/** A content hash of a dataset (order matters), for artifacts and caches. */
export function datasetHash(examples: readonly Example[]): string {
  return hashValue(examples);
}
