import type { BudgetLimits, Example, LanguageModel, Metric, PromptAdapter, ResponseCache } from "@lathe/core";
import type { Optimizer } from "../shared/optimizer.js";
import type { ProgressEvent } from "../shared/progress.js";

export interface CompileOptions {
  /** One optimizer, or several run in order, each starting from the previous result. */
  readonly optimizer: Optimizer | readonly Optimizer[];
  readonly trainset: readonly Example[];
  /** Validation examples for choosing and reporting. @default the trainset (scores are then optimistic) */
  readonly valset?: readonly Example[];
  /**
   * Held-out examples that no optimizer sees: the baseline and the compiled program are scored
   * on them after the choice is made, so the reported gain is not inflated by selection.
   */
  readonly testset?: readonly Example[];
  readonly metric: Metric;
  /** Shown in the artifact and report. @default the metric function's name */
  readonly metricName?: string;
  /** The student: the model the compiled program will run on. */
  readonly lm: LanguageModel;
  /** A stronger model for bootstrapping traces and proposing instructions. @default the student */
  readonly teacher?: LanguageModel;
  /** @default 0 */
  readonly seed?: number;
  /** LM calls in flight at once, across everything the compile does. @default 8 */
  readonly concurrency?: number;
  /** Response cache; `false` for none. @default a DiskCache in `.lathe/cache` */
  readonly cache?: ResponseCache | false;
  /** Hard caps on calls, tokens and USD for student and teacher together. */
  readonly budget?: BudgetLimits;
  /** @default JsonAdapter when the LM has structured outputs, else ChatAdapter */
  readonly adapter?: PromptAdapter;
  /** Sampling temperature of the compiled program. @default 0 */
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Name recorded in the artifact. @default the program's class name */
  readonly programName?: string;
  readonly onProgress?: (event: ProgressEvent) => void;
}
