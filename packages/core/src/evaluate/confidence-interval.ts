export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
}

/** Mean with a two-sided 95% Student-t confidence interval. */
export function meanWithInterval(scores: readonly number[]): { mean: number; ci: ConfidenceInterval } {
  const count = scores.length;
  if (count === 0) return { mean: 0, ci: { low: 0, high: 0 } };
  const mean = scores.reduce((sum, score) => sum + score, 0) / count;
  if (count === 1) return { mean, ci: { low: mean, high: mean } };
  const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (count - 1);
  const margin = tQuantile975(count - 1) * Math.sqrt(variance / count);
  return { mean, ci: { low: mean - margin, high: mean + margin } };
}

/** The 97.5% quantile of Student's t: exact for 1–2 degrees of freedom, Cornish–Fisher beyond. */
export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom === 1) return 12.706;
  if (degreesOfFreedom === 2) return 4.303;
  const z = 1.959964;
  const d = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * d) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * d ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * d ** 3)
  );
}
