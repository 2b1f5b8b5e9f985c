import type { AxAIService, AxGen } from "@ax-llm/ax";
import type { Example } from "@lathe/core";
import type { BenchTask } from "./bench-tasks.js";
import { mean } from "./stats.js";

/** Runs `work` over `items` with at most `concurrency` in flight; results in item order. */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Scores an Ax program on examples, `concurrency` at a time, with the task's metric; a failed
 * call scores 0. Ax has no concurrent evaluator of its own, so this is the loop a user writes.
 */
export async function axEvaluate(
  program: AxGen,
  ai: AxAIService,
  examples: readonly Example[],
  task: BenchTask,
  concurrency: number,
): Promise<{ mean: number; errors: number }> {
  let errors = 0;
  const inputNames = program
    .getSignature()
    .getInputFields()
    .map((field) => field.name);
  const scores = await mapPool(examples, concurrency, async (example) => {
    try {
      const inputs = Object.fromEntries(inputNames.map((name) => [name, example[name]]));
      const prediction = await program.forward(ai, inputs as never);
      return task.score(example, prediction as Record<string, unknown>).score;
    } catch {
      errors++;
      return 0;
    }
  });
  return { mean: mean(scores), errors };
}
