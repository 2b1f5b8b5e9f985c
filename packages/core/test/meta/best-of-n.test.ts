import { describe, expect, it } from "vitest";
import {
  BestOfN,
  BudgetExceededError,
  ChainOfThought,
  MemoryCache,
  MockLanguageModel,
  Predict,
  signature,
  withSettings,
} from "../../src/index.js";
import { reply } from "./support/scripted.js";

const Joke = signature("topic: string -> joke: string");

/** Answers `jokes[rolloutId]`, so each sample is told apart by its rollout id. */
function rolloutModel(jokes: string[]) {
  return new MockLanguageModel({ responses: (request) => reply({ joke: jokes[request.rolloutId ?? 0]! }) });
}

const byLength = (_inputs: { topic: string }, outputs: { joke: string }) => outputs.joke.length;

describe("BestOfN", () => {
  it("samples n rollouts at temperature > 0 with distinct rollout ids 0..n-1 and keeps the best", async () => {
    const lm = rolloutModel(["ha", "ha ha ha", "ha ha"]);
    const best = new BestOfN(new Predict(Joke), { n: 3, reward: byLength });
    const run = await best.run({ topic: "cats" }, { lm });
    expect(lm.calls.map((request) => [request.rolloutId, request.temperature])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(run.outputs).toEqual({ joke: "ha ha ha" });
    expect(run.best).toBe(1);
    expect(run.rollouts.map((rollout) => ("score" in rollout ? rollout.score : null))).toEqual([2, 8, 5]);
  });

  it("stops at the first rollout that reaches the threshold", async () => {
    const lm = rolloutModel(["ha", "ha ha ha", "ha ha ha ha ha"]);
    const best = new BestOfN(new Predict(Joke), { n: 3, reward: byLength, threshold: 5, temperature: 0.8 });
    expect(await best.call({ topic: "cats" }, { lm })).toEqual({ joke: "ha ha ha" });
    expect(lm.calls).toHaveLength(2);
    expect(lm.calls.every((request) => request.temperature === 0.8)).toBe(true);
  });

  it("caches each rollout apart, so a re-run replays every sample for free", async () => {
    const cache = new MemoryCache();
    const lm = rolloutModel(["a", "bbb", "cc"]);
    const best = new BestOfN(new Predict(Joke), { n: 3, reward: byLength });
    const first = await best.call({ topic: "cats" }, { lm, cache });
    const second = await best.call({ topic: "cats" }, { lm, cache });
    expect(first).toEqual({ joke: "bbb" });
    expect(second).toEqual(first);
    expect(lm.calls).toHaveLength(3);
  });

  it("nests its rollout ids under an outer rollout id", async () => {
    const lm = new MockLanguageModel({ responses: reply({ joke: "x" }) });
    const best = new BestOfN(new Predict(Joke), { n: 3, reward: () => 0 });
    await withSettings({ lm, rolloutId: 2 }, () => best.call({ topic: "cats" }));
    expect(lm.calls.map((request) => request.rolloutId)).toEqual([6, 7, 8]);
  });

  it("records a failing rollout and moves on; raises past maxErrors", async () => {
    const lm = rolloutModel(["boom", "fine", "ok"]);
    const reward = (_inputs: { topic: string }, outputs: { joke: string }) => {
      if (outputs.joke === "boom") throw new Error("reward exploded");
      return outputs.joke.length;
    };
    const run = await new BestOfN(new Predict(Joke), { n: 3, reward }).run({ topic: "cats" }, { lm });
    expect(run.rollouts[0]).toEqual({ rolloutId: 0, error: "reward exploded" });
    expect(run.outputs).toEqual({ joke: "fine" });
    const strict = new BestOfN(new Predict(Joke), { n: 3, reward, maxErrors: 0 });
    await expect(strict.call({ topic: "cats" }, { lm })).rejects.toThrow("reward exploded");
  });

  it("raises the last error when every rollout fails, and never swallows a budget stop", async () => {
    const lm = rolloutModel(["a", "b"]);
    const failing = new BestOfN(new Predict(Joke), {
      n: 2,
      reward: () => {
        throw new Error("no good");
      },
    });
    await expect(failing.call({ topic: "cats" }, { lm })).rejects.toThrow("no good");
    const budgeted = new BestOfN(new Predict(Joke), {
      n: 3,
      reward: () => {
        throw new BudgetExceededError("calls", 1, 1);
      },
    });
    const budgetLm = rolloutModel(["a", "b", "c"]);
    await expect(budgeted.call({ topic: "cats" }, { lm: budgetLm })).rejects.toThrow(/budget/);
    expect(budgetLm.calls).toHaveLength(1);
  });

  it("keeps the wrapped module's predictors visible under `module`", () => {
    const best = new BestOfN(new ChainOfThought(Joke), { n: 2, reward: () => 1 });
    expect(best.namedPredictors().map(([path]) => path)).toEqual(["module.predict"]);
    expect(best.inputFields).toEqual(["topic"]);
  });

  it("rejects options that cannot sample", () => {
    const reward = () => 1;
    expect(() => new BestOfN(new Predict(Joke), { n: 0, reward })).toThrow(RangeError);
    expect(() => new BestOfN(new Predict(Joke), { n: 2, reward, temperature: 0 })).toThrow(/temperature/);
  });
});
