import {
  BudgetExceededError,
  type EvaluationResult,
  type Example,
  evaluate,
  type Module,
  type ProgramState,
} from "@lathe/core";
import type { OptimizerContext } from "./optimizer.js";

/** Evaluates the program configured with `state` on `examples` with the student's settings. */
export function evaluateState(
  program: Module,
  state: ProgramState,
  examples: readonly Example[],
  context: OptimizerContext,
  keepTraces = false,
): Promise<EvaluationResult> {
  return evaluate(program.withState(state), examples, context.metric, {
    concurrency: context.concurrency,
    settings: context.student,
    keepTraces,
  });
}

/** Runs `step`; a budget stop yields `undefined` and a note instead of an exception. */
export async function untilBudget<T>(step: () => Promise<T>, notes: string[]): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    if (!BudgetExceededError.isInstance(error)) throw error;
    const note = `stopped early: ${error.message}`;
    if (!notes.includes(note)) notes.push(note);
    return undefined;
  }
}
