import { createRng, type Module } from "@lathe/core";
import { confirmOnValset } from "../reflective/confirm-on-valset.js";
import { fixedSubset } from "../reflective/fixed-subset.js";
import { nothingToTune } from "../reflective/nothing-to-tune.js";
import { defaultTaskDescription } from "../reflective/step-description.js";
import { type CandidateRecord, candidateRecord } from "../shared/candidate-record.js";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import type { MetaPromptAttempt } from "./attempt-history.js";
import { metaPromptRound, type ScoredState } from "./metaprompt-round.js";

export interface MetaPromptOptions {
  /** Rewrites proposed, one per round. @default 5 */
  readonly numRounds?: number;
  /** Size of the fixed, seeded valset subset every round is scored on. @default 40 */
  readonly evalSubsetSize?: number;
  /** What the program is for, shown to the teacher. @default a summary of the program's steps and fields */
  readonly taskDescription?: string;
  /** Earlier attempts (accepted and rejected) shown to the teacher. @default 8 */
  readonly historySize?: number;
  /** Failing examples shown to the teacher per round. @default 8 */
  readonly maxFailuresShown?: number;
}

const DEFAULTS = { numRounds: 5, evalSubsetSize: 40, historySize: 8, maxFailuresShown: 8 };

/**
 * Failure-driven instruction rewriting. Each round the teacher sees one step's failures on a
 * fixed subset (inputs, outputs, expected outputs, feedback) and the history of earlier
 * attempts, states a hypothesis and rewrites that step's whole instruction; the rewrite is kept
 * only if it beats its parent on the same examples. Steps are taken round-robin.
 */
export class MetaPrompt implements Optimizer {
  readonly name = "metaprompt";
  private readonly options: Required<Omit<MetaPromptOptions, "taskDescription">> & MetaPromptOptions;

  constructor(options: MetaPromptOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    for (const name of ["numRounds", "evalSubsetSize", "historySize", "maxFailuresShown"] as const) {
      const value = this.options[name];
      const least = name === "evalSubsetSize" || name === "maxFailuresShown" ? 1 : 0;
      if (!Number.isInteger(value) || value < least)
        throw new RangeError(`${name} must be a whole number >= ${least}, got ${value}`);
    }
  }

  get config(): Record<string, unknown> {
    return { ...this.options };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    const empty = nothingToTune(program);
    if (empty) return empty;
    const { numRounds, evalSubsetSize } = this.options;
    const rng = createRng(context.seed).fork("metaprompt");
    const subset = fixedSubset(context.valset, evalSubsetSize, rng.fork("subset"));
    const paths = program.namedPredictors().map(([path]) => path);
    const notes: string[] = [];
    const original = program.state();
    const evaluation = await untilBudget(
      () => evaluateState(program, original, subset, context, true),
      notes,
    );
    if (!evaluation) {
      return {
        state: original,
        candidates: [],
        notes: [...notes, "the original instructions could not be scored"],
      };
    }
    const record = (scored: ScoredState, label: string, note?: string) =>
      candidateRecord({
        id: scored.id,
        optimizer: this.name,
        label,
        state: scored.state,
        evaluation: scored.evaluation,
        baselineScores: evaluation.scores,
        ...(note ? { note } : {}),
      });
    const start: ScoredState = { id: "metaprompt/original", state: original, evaluation };
    const candidates: CandidateRecord[] = [record(start, "original instructions")];
    const attempts: MetaPromptAttempt[] = [];
    let parent = start;

    for (let round = 1; round <= numRounds; round++) {
      const path = paths[(round - 1) % paths.length]!;
      const outcome = await untilBudget(
        () =>
          metaPromptRound({
            program,
            parent,
            path,
            round,
            subset,
            attempts,
            taskDescription: this.options.taskDescription ?? defaultTaskDescription(program),
            historySize: this.options.historySize,
            maxFailuresShown: this.options.maxFailuresShown,
            rng,
            context,
          }),
        notes,
      );
      if (!outcome) break;
      if (outcome.kind === "perfect") {
        notes.push(`stopped after ${round - 1} round(s): every example of the subset scores 1`);
        break;
      }
      attempts.push(outcome.attempt);
      const verdict = outcome.attempt.accepted ? "accepted" : `rejected: ${outcome.attempt.reason}`;
      if (outcome.child)
        candidates.push(record(outcome.child, `rewrite of \`${path}\` (round ${round})`, verdict));
      if (outcome.attempt.accepted && outcome.child) parent = outcome.child;
      context.onProgress?.({
        phase: "metaprompt",
        completed: round,
        total: numRounds,
        message: `round ${round}: ${verdict} (best ${parent.evaluation.mean.toFixed(3)})`,
      });
    }

    const confirmation =
      parent !== start && subset.length < context.valset.length
        ? await confirmOnValset(program, [start, parent], context, notes)
        : undefined;
    if (confirmation?.chosen === 0) {
      notes.push(
        "the accepted rewrites beat the original on the subset but not on the whole valset; kept the original",
      );
    }
    const chosen = confirmation?.chosen === 0 ? start : parent;
    return {
      state: chosen.state,
      candidates: candidates.map((candidate) =>
        candidate.id === chosen.id ? { ...candidate, chosen: true } : candidate,
      ),
      notes,
      details: {
        subset: { size: subset.length, of: context.valset.length },
        attempts: attempts.map((attempt) => ({ ...attempt })),
        accepted: attempts.filter((attempt) => attempt.accepted).length,
        ...(confirmation ? { confirmation: confirmation.scores } : {}),
      },
    };
  }
}
