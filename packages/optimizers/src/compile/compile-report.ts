import type { ArtifactScore, UsageSummary } from "@lathe/core";
import type { CandidateRecord } from "../shared/candidate-record.js";

/** What a compile did, for people and tools. Plain JSON. */
export interface CompileReport {
  readonly program: string;
  readonly optimizers: readonly string[];
  /** The uncompiled program on the validation set. */
  readonly baseline: ArtifactScore;
  /** The compiled program on the same validation set. */
  readonly final: ArtifactScore;
  /** Mean paired improvement over the baseline on the same examples, with its 95% CI. */
  readonly improvement: {
    readonly mean: number;
    readonly ci: { readonly low: number; readonly high: number };
  };
  /** Baseline and compiled program on the held-out testset, when one was given. */
  readonly heldOut?: {
    readonly size: number;
    readonly hash: string;
    readonly baseline: ArtifactScore;
    readonly final: ArtifactScore;
    readonly improvement: {
      readonly mean: number;
      readonly ci: { readonly low: number; readonly high: number };
    };
  };
  readonly candidates: readonly CandidateRecord[];
  /** Best validation score after each candidate, in order. */
  readonly trajectory: readonly number[];
  readonly usage: UsageSummary;
  readonly notes: readonly string[];
  readonly stoppedByBudget: boolean;
  readonly details: Record<string, unknown>;
  readonly durationMs: number;
}
