import type { Example, Rng } from "@lathe/core";
import { sample } from "@lathe/core";

/**
 * A seeded subset of `size` examples kept in dataset order, or every example when there are no
 * more than `size`. Candidates scored on it are compared on the same examples.
 */
export function fixedSubset(examples: readonly Example[], size: number, rng: Rng): Example[] {
  if (examples.length <= size) return [...examples];
  const chosen = new Set(
    sample(
      examples.map((_, index) => index),
      size,
      rng,
    ),
  );
  return examples.filter((_, index) => chosen.has(index));
}
