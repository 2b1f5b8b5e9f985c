import type { Example } from "../data/example.js";
import type { TraceEntry } from "../trace/trace.js";

/** A score in [0, 1] (booleans count as 0/1), optionally with feedback for reflective optimizers. */
export type MetricResult =
  | number
  | boolean
  | { readonly score: number | boolean; readonly feedback?: string };

/** Scores a prediction against its example. May be async. */
export type Metric<P extends object = Record<string, unknown>> = (
  example: Example,
  prediction: P,
  trace?: readonly TraceEntry[],
) => MetricResult | Promise<MetricResult>;

export interface NormalizedScore {
  readonly score: number;
  readonly feedback?: string;
}

/** Turns any metric result into a finite number (and feedback); throws for NaN or non-numbers. */
export function normalizeMetricResult(result: MetricResult): NormalizedScore {
  const { score, feedback } =
    typeof result === "object" && result !== null ? result : { score: result, feedback: undefined };
  const value = typeof score === "boolean" ? Number(score) : score;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(
      `the metric returned ${String(score)}; it must return a finite number, a boolean or { score }`,
    );
  }
  return feedback === undefined ? { score: value } : { score: value, feedback };
}
