import {
  type EvaluationResult,
  type Example,
  type Module,
  type ProgramState,
  type Rng,
  sample,
} from "@lathe/core";
import { outcomesFor } from "../reflective/example-outcome.js";
import { checkProposal } from "../reflective/proposal-check.js";
import { renderOutcomes } from "../reflective/render-outcome.js";
import { describeStep } from "../reflective/step-description.js";
import { tryTeacher } from "../reflective/try-teacher.js";
import { askTeacher } from "../shared/ask-teacher.js";
import { evaluateState } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { withInstructions } from "../shared/state-edits.js";
import { type MetaPromptAttempt, renderHistory } from "./attempt-history.js";
import { MetaPromptSignature } from "./metaprompt-signature.js";

/** The current best: a state and its evaluation (with traces) on the fixed subset. */
export interface ScoredState {
  readonly id: string;
  readonly state: ProgramState;
  readonly evaluation: EvaluationResult;
}

export interface RoundInput {
  readonly program: Module;
  readonly parent: ScoredState;
  readonly path: string;
  readonly round: number;
  readonly subset: readonly Example[];
  readonly attempts: readonly MetaPromptAttempt[];
  readonly taskDescription: string;
  readonly historySize: number;
  readonly maxFailuresShown: number;
  readonly rng: Rng;
  readonly context: OptimizerContext;
}

export type RoundOutcome =
  | { readonly kind: "perfect" }
  | { readonly kind: "attempt"; readonly attempt: MetaPromptAttempt; readonly child?: ScoredState };

/**
 * One MetaPrompt round: show the teacher the parent's failures at one step and the history,
 * take its whole rewrite, check it keeps the field references, score it on the same subset and
 * accept it only if it beats the parent there.
 */
export async function metaPromptRound(input: RoundInput): Promise<RoundOutcome> {
  const { program, parent, path, round, context } = input;
  const configured = program.withState(parent.state);
  const predictor = configured.namedPredictors().find(([candidate]) => candidate === path)![1];
  const failing = outcomesFor(configured, path, parent.evaluation).filter((outcome) => outcome.score < 1);
  if (failing.length === 0) return { kind: "perfect" };
  const shown = sample(failing, input.maxFailuresShown, input.rng.fork(`failures:${round}`)).sort(
    (a, b) => a.index - b.index,
  );
  const current = predictor.instructions;
  const parentScore = parent.evaluation.mean;
  const base = { round, path, parentScore };
  const reply = await tryTeacher(() =>
    askTeacher(
      MetaPromptSignature,
      {
        task_description: input.taskDescription,
        step: describeStep(configured, path),
        current_instructions: current.trim() === "" ? "(empty)" : current,
        failures: [
          `${failing.length} of ${parent.evaluation.count} examples score below 1; ${shown.length} of them:`,
          renderOutcomes(shown, "Failure"),
        ].join("\n\n"),
        history: renderHistory(input.attempts, input.historySize),
      },
      context,
    ),
  );
  if (!reply.ok) {
    return {
      kind: "attempt",
      attempt: { ...base, hypothesis: "", instructions: "", accepted: false, reason: reply.reason },
    };
  }
  const hypothesis = reply.value.hypothesis.trim();
  const check = checkProposal(current, reply.value.improved_instructions, predictor.signature);
  if (!check.ok) {
    const attempt = {
      ...base,
      hypothesis,
      instructions: check.instructions,
      accepted: false,
      reason: check.reason,
    };
    return { kind: "attempt", attempt };
  }
  const state = withInstructions(parent.state, path, check.instructions);
  const evaluation = await evaluateState(program, state, input.subset, context, true);
  const accepted = evaluation.mean > parentScore;
  const failed = evaluation.results.filter((result) => result.error !== undefined);
  const attempt: MetaPromptAttempt = {
    ...base,
    hypothesis,
    instructions: check.instructions,
    score: evaluation.mean,
    accepted,
    reason: accepted
      ? "beats its parent on the same examples"
      : "does not beat its parent on the same examples",
    ...(failed.length > 0 ? { errors: { count: failed.length, first: failed[0]!.error! } } : {}),
  };
  return { kind: "attempt", attempt, child: { id: `metaprompt/${round}`, state, evaluation } };
}
