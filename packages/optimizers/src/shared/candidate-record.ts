import type { ConfidenceInterval, EvaluationResult, ProgramState } from "@lathe/core";
import { meanWithInterval } from "@lathe/core";

/** A scored candidate as the report shows it. */
export interface CandidateRecord {
  /** Stable id within the compile, e.g. "random/3". */
  readonly id: string;
  readonly optimizer: string;
  /** What kind of candidate it is, e.g. "zero-shot", "labeled", "bootstrap (shuffled, 3 demos)". */
  readonly label: string;
  readonly mean: number;
  readonly ci: ConfidenceInterval;
  readonly count: number;
  /** Mean paired difference against the baseline on the same examples, with its CI. */
  readonly vsBaseline?: { readonly mean: number; readonly ci: ConfidenceInterval };
  /** Demos per predictor path. */
  readonly demoCounts: Record<string, number>;
  readonly chosen?: boolean;
  readonly note?: string;
}

export function demoCounts(state: ProgramState): Record<string, number> {
  return Object.fromEntries(Object.entries(state).map(([path, predictor]) => [path, predictor.demos.length]));
}

/** The paired difference of two score vectors over the same examples. */
export function pairedDelta(
  scores: readonly number[],
  baseline: readonly number[] | undefined,
): CandidateRecord["vsBaseline"] {
  if (!baseline || baseline.length !== scores.length || scores.length === 0) return undefined;
  return meanWithInterval(scores.map((score, index) => score - baseline[index]!));
}

export function candidateRecord(fields: {
  id: string;
  optimizer: string;
  label: string;
  state: ProgramState;
  evaluation: Pick<EvaluationResult, "mean" | "ci" | "count" | "scores">;
  baselineScores?: readonly number[];
  note?: string;
}): CandidateRecord {
  const vsBaseline = pairedDelta(fields.evaluation.scores, fields.baselineScores);
  return {
    id: fields.id,
    optimizer: fields.optimizer,
    label: fields.label,
    mean: fields.evaluation.mean,
    ci: fields.evaluation.ci,
    count: fields.evaluation.count,
    ...(vsBaseline ? { vsBaseline } : {}),
    demoCounts: demoCounts(fields.state),
    ...(fields.note ? { note: fields.note } : {}),
  };
}
