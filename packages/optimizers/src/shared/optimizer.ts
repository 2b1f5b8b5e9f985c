import type { EvaluationResult, Example, Metric, Module, ProgramState, Settings } from "@lathe/core";
import type { CandidateRecord } from "./candidate-record.js";
import type { ProgressEvent } from "./progress.js";

/** Everything an optimizer needs from the compile that runs it. */
export interface OptimizerContext {
  readonly trainset: readonly Example[];
  readonly valset: readonly Example[];
  readonly metric: Metric;
  readonly seed: number;
  /** How many examples an evaluation runs at once. */
  readonly concurrency: number;
  /** Settings for the program's own calls (student LM, cache, budget, usage role "student"). */
  readonly student: Settings;
  /** Settings for teacher calls (teacher LM, same cache and budget, role "teacher"). */
  readonly teacher: Settings;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface OptimizerResult {
  /** The chosen configuration of the program. */
  readonly state: ProgramState;
  /** Every candidate considered, in the order they were made. */
  readonly candidates: readonly CandidateRecord[];
  /** Things the user should know: budget stops, skipped steps, fallbacks. */
  readonly notes: readonly string[];
  /** Optimizer-specific details for the report (JSON). */
  readonly details?: Record<string, unknown>;
  /**
   * The chosen state's scores on the whole `context.valset`, when the search measured them:
   * compile reports them if the budget leaves no room to score the result again.
   */
  readonly evaluation?: ScoredEvaluation;
}

/** The parts of an evaluation that scores and paired comparisons need. */
export type ScoredEvaluation = Pick<EvaluationResult, "mean" | "ci" | "count" | "scores">;

/**
 * An optimizer proposes a better ProgramState for a program. It never mutates the program: it
 * works on states and evaluates configured copies (`program.withState`).
 */
export interface Optimizer {
  readonly name: string;
  /** The options it runs with, as JSON, recorded in the artifact. */
  readonly config: Record<string, unknown>;
  optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult>;
}
