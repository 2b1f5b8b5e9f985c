import { BudgetExceededError } from "../budget/budget-exceeded-error.js";
import type { Example } from "../data/example.js";
import type { Module } from "../modules/module.js";
import { programInputs } from "../modules/program-inputs.js";
import { getSettings, type Settings, withSettings } from "../settings/settings.js";
import { type TraceEntry, traced } from "../trace/trace.js";
import { type UsageSummary, UsageTracker } from "../usage/usage-tracker.js";
import { mapConcurrent } from "../util/semaphore.js";
import { type ConfidenceInterval, meanWithInterval } from "./confidence-interval.js";
import { EvaluationError } from "./evaluation-error.js";
import { type Metric, normalizeMetricResult } from "./metric.js";

export interface EvaluateOptions {
  /** Examples evaluated at once. @default 8 */
  readonly concurrency?: number;
  /** Failed examples tolerated before the evaluation stops with an EvaluationError. @default Infinity */
  readonly maxErrors?: number;
  readonly onProgress?: (progress: EvaluationProgress) => void;
  /** Settings for the program's LM calls, layered over the current scope. */
  readonly settings?: Settings;
  /** Keep each example's trace in its result. @default false */
  readonly keepTraces?: boolean;
  /** Builds the program's inputs from an example. @default the program's `inputFields`, else the whole row */
  readonly inputs?: (example: Example) => object;
}

export interface EvaluationProgress {
  readonly completed: number;
  readonly total: number;
  readonly errors: number;
  readonly meanSoFar: number;
}

export interface ExampleResult {
  readonly index: number;
  readonly example: Example;
  readonly prediction?: Record<string, unknown>;
  /** 0 when the program or metric failed. */
  readonly score: number;
  readonly feedback?: string;
  readonly error?: string;
  readonly trace?: readonly TraceEntry[];
}

export interface EvaluationResult {
  /** Mean score over all examples (failures count as 0). */
  readonly mean: number;
  /** 95% confidence interval of the mean. */
  readonly ci: ConfidenceInterval;
  readonly count: number;
  /** Per-example scores in dataset order. */
  readonly scores: readonly number[];
  readonly results: readonly ExampleResult[];
  readonly errors: number;
  readonly usage: UsageSummary;
  readonly durationMs: number;
}

/**
 * Runs `program` over `dataset` concurrently and scores each prediction. Results keep dataset
 * order whatever the completion order. A throwing program or metric scores 0 and is counted;
 * a budget cap stops the whole evaluation (BudgetExceededError propagates).
 */
export async function evaluate<I extends object, O extends object>(
  program: Module<I, O>,
  dataset: readonly Example[],
  metric: Metric<O>,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const started = performance.now();
  const maxErrors = options.maxErrors ?? Number.POSITIVE_INFINITY;
  const usage = new UsageTracker(options.settings?.usage ?? getSettings().usage);
  const settings: Settings = { ...options.settings, usage };
  const toInputs = options.inputs ?? ((example: Example) => programInputs(program, example));
  const finished: ExampleResult[] = [];
  let errors = 0;
  let firstError = "";
  let sum = 0;

  const results = await withSettings(settings, () =>
    mapConcurrent(
      dataset,
      options.concurrency ?? 8,
      async (example, index): Promise<ExampleResult | undefined> => {
        if (errors > maxErrors) return undefined;
        const result = await runOne(
          program,
          example,
          index,
          metric,
          toInputs(example) as I,
          options.keepTraces,
        );
        if (result.error !== undefined) {
          errors++;
          firstError ||= result.error;
        }
        sum += result.score;
        finished.push(result);
        options.onProgress?.({
          completed: finished.length,
          total: dataset.length,
          errors,
          meanSoFar: sum / finished.length,
        });
        return result;
      },
    ),
  );
  if (errors > maxErrors) {
    throw new EvaluationError(
      errors,
      maxErrors,
      firstError,
      finished.sort((a, b) => a.index - b.index),
    );
  }
  const complete = results as ExampleResult[];
  const scores = complete.map((result) => result.score);
  return {
    ...meanWithInterval(scores),
    count: complete.length,
    scores,
    results: complete,
    errors,
    usage: usage.snapshot(),
    durationMs: performance.now() - started,
  };
}

async function runOne<I extends object, O extends object>(
  program: Module<I, O>,
  example: Example,
  index: number,
  metric: Metric<O>,
  inputs: I,
  keepTraces: boolean | undefined,
): Promise<ExampleResult> {
  let prediction: O | undefined;
  let trace: TraceEntry[] = [];
  try {
    ({ result: prediction, trace } = await traced(() => program.call(inputs)));
    const { score, feedback } = normalizeMetricResult(await metric(example, prediction, trace));
    return {
      index,
      example,
      prediction: prediction as Record<string, unknown>,
      score,
      ...(feedback === undefined ? {} : { feedback }),
      ...(keepTraces ? { trace } : {}),
    };
  } catch (error) {
    if (BudgetExceededError.isInstance(error) || (error as Error)?.name === "AbortError") throw error;
    return {
      index,
      example,
      ...(prediction === undefined ? {} : { prediction: prediction as Record<string, unknown> }),
      score: 0,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ...(keepTraces ? { trace } : {}),
    };
  }
}
