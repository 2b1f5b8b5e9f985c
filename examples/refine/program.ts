import { simTasks } from "@lathe/adapters";
import { type Example, type MetricResult, Refine, signature } from "@lathe/core";
import { z } from "zod";

/** An arithmetic word problem answered with one number. */
export const SolveWordProblem = signature(
  "Solve the arithmetic word problem and give the final answer as a single number.",
)
  .input("problem", z.string().describe("a short arithmetic word problem"))
  .output("answer", z.number().describe("the final numeric answer"));

/**
 * Self-refinement: `draft` answers, `critic` reviews the answer (a critique and a score from 0
 * to 1), `rewrite` answers again with the critique as feedback, until the critic gives 1 or three
 * drafts were made. All three are `Predict`s, so the optimizer tunes each one.
 */
export const refiner = new Refine(SolveWordProblem, { maxAttempts: 3 });

/** Right answer (to the cent), with feedback for the reflective optimizers. */
export function answerMatches(example: Example, prediction: { answer?: unknown }): MetricResult {
  return simTasks["word-problems"].score(example, prediction);
}
