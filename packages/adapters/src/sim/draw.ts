import { createRng, hashString, type Rng } from "@lathe/core";

/** A uniform draw in [0, 1) that depends only on its key: the sim never consults call order. */
export function drawUniform(key: string): number {
  return createRng(hashString(key)).next();
}

/** A generator seeded from a key, for decisions that need several draws. */
export function drawRng(key: string): Rng {
  return createRng(hashString(key));
}

/** Picks one item with a seeded generator. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  if (items.length === 0) throw new RangeError("pick needs at least one item");
  return items[rng.int(0, items.length - 1)]!;
}
