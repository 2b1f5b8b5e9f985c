import type { Rng } from "@lathe/core";

/** Draws a category by its share of examples; whatever share is left over goes to `rest`. */
export function chooseCategory<T extends string>(
  rng: Rng,
  shares: readonly (readonly [T, number])[],
  rest: T,
): T {
  let roll = rng.next();
  for (const [category, share] of shares) {
    if (roll < share) return category;
    roll -= share;
  }
  return rest;
}
