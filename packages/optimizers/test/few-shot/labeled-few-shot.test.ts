import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { LabeledFewShot } from "../../src/index.js";
import { testContext } from "../support/context.js";
import { exactAnswer, Reverse, reverseExamples, reverseModel, TwoStep } from "../support/reverse-task.js";

describe("LabeledFewShot", () => {
  const trainset = reverseExamples(30);

  it("gives every predictor k seeded training examples, restricted to its signature fields", async () => {
    const program = new TwoStep();
    const context = testContext({ lm: reverseModel(), trainset, metric: exactAnswer, seed: 7 });
    const { state } = await new LabeledFewShot({ k: 5 }).optimize(program, context);
    expect(Object.keys(state)).toEqual(["hint", "answer"]);
    expect(state.hint!.demos).toHaveLength(5);
    expect(state.answer!.demos).toHaveLength(5);
    for (const demo of state.answer!.demos) {
      expect(Object.keys(demo).sort()).toEqual(["answer", "question"]);
      expect(demo).not.toHaveProperty("id");
    }
    expect(state.hint!.demos.map((demo) => demo.question)).toEqual(
      state.answer!.demos.map((demo) => demo.question),
    );
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    const program = new Predict(Reverse);
    const run = (seed: number) =>
      new LabeledFewShot({ k: 4 }).optimize(
        program,
        testContext({ lm: reverseModel(), trainset, metric: exactAnswer, seed }),
      );
    expect((await run(3)).state).toEqual((await run(3)).state);
    expect((await run(3)).state).not.toEqual((await run(4)).state);
  });

  it("rejects a negative k", () => {
    expect(() => new LabeledFewShot({ k: -1 })).toThrow(/k must be a whole number/);
  });
});
