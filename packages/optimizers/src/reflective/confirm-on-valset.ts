import type { EvaluationResult, Module, ProgramState } from "@lathe/core";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";

export interface Contender {
  readonly id: string;
  readonly state: ProgramState;
}

export interface Confirmation {
  /** Index into the contenders of the one with the best validation mean (earliest on ties). */
  readonly chosen: number;
  readonly scores: ReadonlyArray<{ readonly id: string; readonly mean: number; readonly count: number }>;
  readonly evaluations: readonly EvaluationResult[];
}

/**
 * Scores the contenders on the whole valset (concurrently) and picks the best; list them in
 * order of preference, since ties go to the earliest. `undefined` when the budget ran out.
 */
export async function confirmOnValset(
  program: Module,
  contenders: readonly Contender[],
  context: OptimizerContext,
  notes: string[],
): Promise<Confirmation | undefined> {
  const evaluations = await Promise.all(
    contenders.map((contender) =>
      untilBudget(() => evaluateState(program, contender.state, context.valset, context), notes),
    ),
  );
  if (evaluations.some((evaluation) => evaluation === undefined)) return undefined;
  const complete = evaluations as EvaluationResult[];
  let chosen = 0;
  complete.forEach((evaluation, index) => {
    if (evaluation.mean > complete[chosen]!.mean) chosen = index;
  });
  return {
    chosen,
    scores: contenders.map((contender, index) => ({
      id: contender.id,
      mean: complete[index]!.mean,
      count: complete[index]!.count,
    })),
    evaluations: complete,
  };
}
