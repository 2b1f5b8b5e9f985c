import { simTasks } from "@lathe/adapters";
import { ChainOfThought, type Example, type MetricResult, signature } from "@lathe/core";
import { z } from "zod";

/** An arithmetic word problem answered with one number. */
export const SolveWordProblem = signature(
  "Solve the arithmetic word problem and give the final answer as a single number.",
)
  .input("problem", z.string().describe("a short arithmetic word problem"))
  .output("answer", z.number().describe("the final numeric answer"));

/** Writes its `reasoning` first, then the answer; the predictor's path is `predict`. */
export const solver = new ChainOfThought(SolveWordProblem);

/** Right answer (to the cent), with feedback for the reflective optimizers. */
export function answerMatches(example: Example, prediction: { answer?: unknown }): MetricResult {
  return simTasks["word-problems"].score(example, prediction);
}
