/** Scores an attempt: higher is better. Meta modules compare it with their `threshold`. */
export type Reward<I, O> = (inputs: I, outputs: O) => number | Promise<number>;

/** Calls `reward`, insisting on a real number so a NaN never wins a comparison silently. */
export async function scoreWith<I, O>(reward: Reward<I, O>, inputs: I, outputs: O): Promise<number> {
  const score = await reward(inputs, outputs);
  if (typeof score !== "number" || Number.isNaN(score)) {
    throw new TypeError(`the reward function must return a number, got ${String(score)}`);
  }
  return score;
}
