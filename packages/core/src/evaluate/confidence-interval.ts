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

/** Student's t 97.5% quantiles for 1–10 degrees of freedom, where the expansion below is too coarse. */
const SMALL_SAMPLE_T = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/** The 97.5% quantile of Student's t: tabulated up to 10 degrees of freedom, Cornish–Fisher beyond. */
export function tQuantile975(degreesOfFreedom: number): number {
  const tabulated = SMALL_SAMPLE_T[degreesOfFreedom - 1];
  if (tabulated !== undefined) return tabulated;
  const z = 1.959964;
  const d = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * d) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * d ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * d ** 3)
  );
}
