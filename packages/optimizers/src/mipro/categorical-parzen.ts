import type { Rng } from "@lathe/core";

/**
 * The Parzen estimator of one categorical parameter: observed category frequencies smoothed by
 * a pseudo-count `priorWeight` per category, so an unseen category keeps a non-zero density.
 */
export class CategoricalParzen {
  /** Probability of each category; sums to 1. */
  readonly probabilities: readonly number[];

  constructor(choices: number, observed: readonly number[], priorWeight: number) {
    const weights = new Array<number>(choices).fill(priorWeight);
    for (const index of observed) weights[index] = weights[index]! + 1;
    const total = choices * priorWeight + observed.length;
    this.probabilities = weights.map((weight) => weight / total);
  }

  logDensity(index: number): number {
    return Math.log(this.probabilities[index]!);
  }

  /** Draws a category index with probability proportional to its density. */
  sample(rng: Rng): number {
    let remaining = rng.next();
    for (let index = 0; index < this.probabilities.length; index++) {
      remaining -= this.probabilities[index]!;
      if (remaining < 0) return index;
    }
    return this.probabilities.length - 1; // rounding left a sliver of mass past the last category
  }
}
