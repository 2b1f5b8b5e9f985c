import type { EvaluationResult, Example, Module, ProgramState } from "@lathe/core";
import { checkProposal } from "../reflective/proposal-check.js";
import { renderLabelledExample } from "../reflective/render-example.js";
import { describeStep } from "../reflective/step-description.js";
import { tryTeacher } from "../reflective/try-teacher.js";
import { askTeacher } from "../shared/ask-teacher.js";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { withInstructions } from "../shared/state-edits.js";
import { OPROSignature } from "./opro-signature.js";
import { ascendingTop, renderScoredInstructions, type ScoredInstruction } from "./scored-instructions.js";

/** A configuration and its evaluation on the fixed subset. */
export interface ScoredState {
  readonly id: string;
  readonly label: string;
  readonly state: ProgramState;
  readonly evaluation: EvaluationResult;
}

/** One sampled instruction and what became of it. */
export interface OPROProposal {
  readonly id: string;
  readonly step: number;
  readonly path: string;
  readonly rolloutId: number;
  readonly instruction: string;
  /** Mean on the fixed subset; absent when it was not evaluated. */
  readonly score?: number;
  /** It became the best so far. */
  readonly accepted: boolean;
  readonly reason: string;
}

/** A sampled instruction: either to evaluate (with its state) or skipped (with a reason). */
type Plan = Omit<OPROProposal, "score" | "accepted" | "reason"> & {
  readonly state?: ProgramState;
  readonly reason?: string;
};

export interface OPROStepInput {
  readonly program: Module;
  readonly best: ScoredState;
  readonly path: string;
  readonly step: number;
  /** Instructions tried for `path` so far; the step appends to it. */
  readonly history: ScoredInstruction[];
  readonly subset: readonly Example[];
  readonly examples: readonly Example[];
  readonly taskDescription: string;
  readonly samples: number;
  readonly temperature: number;
  readonly maxHistory: number;
  readonly context: OptimizerContext;
  readonly notes: string[];
}

export interface OPROStepResult {
  readonly proposals: readonly OPROProposal[];
  readonly scored: readonly ScoredState[];
  readonly best: ScoredState;
  readonly stopped: boolean;
}

/**
 * One OPRO step: sample `samples` instructions for one predictor from the teacher (temperature 1,
 * distinct rollout ids) given the ascending score history, then score the new ones concurrently
 * on the subset. Results are processed in sample order.
 */
export async function oproStep(input: OPROStepInput): Promise<OPROStepResult> {
  const { program, path, step, context, notes } = input;
  const configured = program.withState(input.best.state);
  const predictor = configured.namedPredictors().find(([candidate]) => candidate === path)![1];
  const teacherInputs = {
    task_description: input.taskDescription,
    step: describeStep(configured, path),
    scored_instructions: renderScoredInstructions(ascendingTop(input.history, input.maxHistory)),
    examples:
      input.examples
        .map((example, index) => renderLabelledExample(program, example, `Example ${index + 1}`))
        .join("\n\n") || "(none)",
  };
  const rollouts = Array.from({ length: input.samples }, (_, sample) => (step - 1) * input.samples + sample);
  const replies = await Promise.all(
    rollouts.map((rolloutId) =>
      untilBudget(
        () =>
          tryTeacher(() =>
            askTeacher(OPROSignature, teacherInputs, context, { temperature: input.temperature, rolloutId }),
          ),
        notes,
      ),
    ),
  );
  const seen = new Set(input.history.map((entry) => entry.instruction));
  const plans = replies.map((reply, sample): Plan => {
    const base = { id: `opro/${step}.${sample}`, step, path, rolloutId: rollouts[sample]! };
    const skip = (instruction: string, reason: string): Plan => ({ ...base, instruction, reason });
    if (!reply) return skip("", "not proposed: the budget ran out");
    if (!reply.ok) return skip("", reply.reason);
    const check = checkProposal(
      predictor.instructions,
      reply.value.proposed_instruction,
      predictor.signature,
    );
    if (!check.ok) return skip(check.instructions, check.reason);
    if (seen.has(check.instructions)) return skip(check.instructions, "repeats an instruction already tried");
    seen.add(check.instructions);
    return {
      ...base,
      instruction: check.instructions,
      state: withInstructions(input.best.state, path, check.instructions),
    };
  });
  const evaluations = await Promise.all(
    plans.map((plan) =>
      plan.state
        ? untilBudget(() => evaluateState(program, plan.state!, input.subset, context), notes)
        : undefined,
    ),
  );

  let best = input.best;
  const proposals: OPROProposal[] = [];
  const scored: ScoredState[] = [];
  plans.forEach(({ state, reason, ...fields }, sample) => {
    const evaluation = evaluations[sample];
    if (!state || !evaluation) {
      proposals.push({ ...fields, accepted: false, reason: reason ?? "not evaluated: the budget ran out" });
      return;
    }
    input.history.push({ instruction: fields.instruction, score: evaluation.mean });
    const label = `proposal for \`${path}\` (step ${step}, sample ${sample})`;
    const candidate: ScoredState = { id: fields.id, label, state, evaluation };
    scored.push(candidate);
    const accepted = evaluation.mean > best.evaluation.mean;
    proposals.push({
      ...fields,
      score: evaluation.mean,
      accepted,
      reason: accepted
        ? `new best: ${evaluation.mean.toFixed(3)} > ${best.evaluation.mean.toFixed(3)}`
        : `not above the best so far (${best.evaluation.mean.toFixed(3)})`,
    });
    if (accepted) best = candidate;
  });
  const stopped =
    replies.includes(undefined) || plans.some((plan, sample) => plan.state && !evaluations[sample]);
  return { proposals, scored, best, stopped };
}
