import { describe, expect, it } from "vitest";
import { meanWithInterval } from "../src/index.js";

describe("meanWithInterval", () => {
  it("is zero for no scores and a point for one", () => {
    expect(meanWithInterval([])).toEqual({ mean: 0, ci: { low: 0, high: 0 } });
    expect(meanWithInterval([0.4])).toEqual({ mean: 0.4, ci: { low: 0.4, high: 0.4 } });
  });

  it("has no width when every score is equal", () => {
    expect(meanWithInterval([1, 1, 1, 1])).toEqual({ mean: 1, ci: { low: 1, high: 1 } });
  });

  it("uses Student's t with 1 degree of freedom for two scores", () => {
    // mean 0.5, sample sd sqrt(0.5), standard error 0.5, t(0.975, 1) = 12.706
    const { mean, ci } = meanWithInterval([1, 0]);
    expect(mean).toBe(0.5);
    expect(ci.low).toBeCloseTo(0.5 - 12.706 * 0.5, 10);
    expect(ci.high).toBeCloseTo(0.5 + 12.706 * 0.5, 10);
  });

  it("uses t(0.975, 2) = 4.303 for three scores", () => {
    // mean 2/3, sample variance 1/3, standard error 1/3
    const { mean, ci } = meanWithInterval([1, 0, 1]);
    expect(mean).toBeCloseTo(2 / 3, 12);
    expect(ci.low).toBeCloseTo(2 / 3 - 4.303 / 3, 10);
    expect(ci.high).toBeCloseTo(2 / 3 + 4.303 / 3, 10);
  });

  it("matches the textbook t interval for 31 scores", () => {
    const scores = [...Array.from({ length: 15 }, () => 1), ...Array.from({ length: 16 }, () => 0)];
    const mean = 15 / 31;
    const variance = (15 * (16 / 31) ** 2 + 16 * (15 / 31) ** 2) / 30;
    const margin = 2.042272 * Math.sqrt(variance / 31); // t(0.975, 30)
    const result = meanWithInterval(scores);
    expect(result.mean).toBeCloseTo(mean, 12);
    expect(result.ci.low).toBeCloseTo(mean - margin, 5);
    expect(result.ci.high).toBeCloseTo(mean + margin, 5);
  });

  it("stays within 1% of the exact t quantile for small samples", () => {
    const exact: Record<number, number> = {
      3: 3.182446,
      4: 2.776445,
      5: 2.570582,
      10: 2.228139,
      20: 2.085963,
    };
    for (const [degrees, t] of Object.entries(exact)) {
      const count = Number(degrees) + 1;
      const scores = Array.from({ length: count }, (_, index) => index % 2);
      const { mean, ci } = meanWithInterval(scores);
      const variance = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (count - 1);
      const impliedT = (ci.high - mean) / Math.sqrt(variance / count);
      expect(Math.abs(impliedT - t) / t).toBeLessThan(0.01);
    }
  });

  it("is symmetric around the mean", () => {
    const { mean, ci } = meanWithInterval([0.2, 0.9, 0.4, 0.7, 1]);
    expect(mean).toBeCloseTo(0.64, 12);
    expect(mean - ci.low).toBeCloseTo(ci.high - mean, 12);
  });
});
