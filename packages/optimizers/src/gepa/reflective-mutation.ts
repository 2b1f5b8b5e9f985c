import type { EvaluationResult, Module, ProgramState } from "@lathe/core";
import { outcomesFor } from "../reflective/example-outcome.js";
import { checkProposal } from "../reflective/proposal-check.js";
import { renderOutcomes } from "../reflective/render-outcome.js";
import { describeStep } from "../reflective/step-description.js";
import { tryTeacher } from "../reflective/try-teacher.js";
import { askTeacher } from "../shared/ask-teacher.js";
import { evaluateState } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { withInstructions } from "../shared/state-edits.js";
import type { MetricCallBudget } from "./metric-call-budget.js";
import type { Minibatches } from "./minibatches.js";
import { ReflectionSignature } from "./reflection-signature.js";

/** One proposal of a GEPA run, as the report shows it. */
export interface GEPAProposal {
  readonly iteration: number;
  readonly kind: "reflection" | "merge";
  /** Parent candidate ids. */
  readonly parents: readonly string[];
  /** The predictor rewritten (reflection), or the predictors taken from each parent (merge). */
  readonly paths: readonly string[];
  /** Training-set indices (reflection) or validation indices (merge) it was judged on. */
  readonly minibatch: readonly number[];
  readonly instruction?: string;
  readonly parentSum?: number;
  readonly childSum?: number;
  readonly accepted: boolean;
  readonly reason: string;
  /** The pool id it was added under, once scored on the valset. */
  readonly candidate?: string;
}

export interface MutationResult {
  readonly proposal: GEPAProposal;
  /** The child to score on the valset, when the minibatch accepted it. */
  readonly child?: ProgramState;
}

/**
 * Reflective mutation: run the parent on a minibatch with traces, show the teacher the
 * predictor's inputs, outputs and feedback, take its new instruction and accept the child only
 * if its minibatch sum strictly beats the parent's on the same examples.
 */
export async function reflectiveMutation(input: {
  readonly program: Module;
  readonly parent: { readonly id: string; readonly state: ProgramState };
  readonly path: string;
  readonly iteration: number;
  readonly minibatches: Minibatches;
  readonly budget: MetricCallBudget;
  readonly skipPerfect: boolean;
  /** Render expected outputs beside the metric's feedback (they always show without feedback). */
  readonly showExpected: boolean;
  readonly context: OptimizerContext;
}): Promise<MutationResult> {
  const { program, parent, path, budget, context } = input;
  const batch = input.minibatches.next();
  const base = {
    iteration: input.iteration,
    kind: "reflection" as const,
    parents: [parent.id],
    paths: [path],
    minibatch: batch.indices,
  };
  const parentRun = await evaluateState(program, parent.state, batch.examples, context, true);
  budget.spendMetric(batch.examples.length);
  const parentSum = sum(parentRun);
  if (input.skipPerfect && parentRun.scores.every((score) => score >= 1)) {
    return {
      proposal: {
        ...base,
        parentSum,
        accepted: false,
        reason: "skipped: the parent scores 1 on every minibatch example",
      },
    };
  }
  const configured = program.withState(parent.state);
  const predictor = configured.namedPredictors().find(([candidate]) => candidate === path)![1];
  const outcomes = outcomesFor(configured, path, parentRun);
  const reply = await tryTeacher(() =>
    askTeacher(
      ReflectionSignature,
      {
        current_instruction: predictor.instructions.trim() === "" ? "(empty)" : predictor.instructions,
        examples_with_feedback: `For ${describeStep(configured, path)}:\n\n${renderOutcomes(outcomes, "Example", { showExpected: input.showExpected })}`,
      },
      context,
    ),
  );
  budget.spendTeacher();
  if (!reply.ok) return { proposal: { ...base, parentSum, accepted: false, reason: reply.reason } };
  const check = checkProposal(predictor.instructions, reply.value.new_instruction, predictor.signature);
  if (!check.ok) {
    return {
      proposal: {
        ...base,
        instruction: check.instructions,
        parentSum,
        accepted: false,
        reason: check.reason,
      },
    };
  }
  const child = withInstructions(parent.state, path, check.instructions);
  const childRun = await evaluateState(program, child, batch.examples, context);
  budget.spendMetric(batch.examples.length);
  const childSum = sum(childRun);
  const accepted = childSum > parentSum;
  const proposal = {
    ...base,
    instruction: check.instructions,
    parentSum,
    childSum,
    accepted,
    reason: accepted
      ? `minibatch sum ${round(childSum)} > ${round(parentSum)}`
      : `minibatch sum ${round(childSum)} does not beat the parent's ${round(parentSum)}`,
  };
  return accepted ? { proposal, child } : { proposal };
}

function sum(evaluation: EvaluationResult): number {
  return evaluation.scores.reduce((total, score) => total + score, 0);
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
