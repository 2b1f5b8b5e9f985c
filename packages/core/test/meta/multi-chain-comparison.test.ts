import { describe, expect, it } from "vitest";
import { MockLanguageModel, MultiChainComparison, signature } from "../../src/index.js";
import { askedFor, callSequence, inputValue, reply } from "./support/scripted.js";

const Sum = signature("question: string -> answer: number", "Solve the arithmetic problem.");

/** Reasoning samples answer 40 + rolloutId; the comparer answers 42 with a rationale. */
function comparisonModel() {
  return new MockLanguageModel({
    responses: (request) =>
      askedFor(request)[0] === "rationale"
        ? reply({ rationale: "Attempts 1 and 3 slip; 17 + 25 = 42.", answer: 42 })
        : reply({ reasoning: `sample ${request.rolloutId}`, answer: 40 + (request.rolloutId ?? 0) }),
  });
}

describe("MultiChainComparison", () => {
  it("generates m ChainOfThought attempts at distinct rollouts, then compares them in one call", async () => {
    const lm = comparisonModel();
    const compare = new MultiChainComparison(Sum, { m: 3 });
    const run = await compare.run({ question: "17 + 25?" }, undefined, { lm });

    expect(callSequence(lm.calls)).toEqual(["reasoning", "reasoning", "reasoning", "rationale"]);
    expect(
      lm.calls
        .slice(0, 3)
        .map((request) => [request.rolloutId, request.temperature])
        .sort(),
    ).toEqual([
      [0, 0.7],
      [1, 0.7],
      [2, 0.7],
    ]);
    const comparison = lm.calls[3]!;
    expect(comparison.temperature).toBe(0);
    for (const index of [0, 1, 2]) {
      expect(inputValue(comparison, `reasoning_attempt_${index + 1}`)).toBe(
        `Reasoning: sample ${index}\nPrediction:\nanswer: ${40 + index}`,
      );
    }
    expect(run.outputs).toEqual({ rationale: "Attempts 1 and 3 slip; 17 + 25 = 42.", answer: 42 });
    expect(run.attempts.map((attempt) => attempt.answer)).toEqual([40, 41, 42]);
  });

  it("compares given attempts without generating any", async () => {
    const lm = comparisonModel();
    const compare = new MultiChainComparison(Sum, { m: 2 });
    const run = await compare.run(
      { question: "17 + 25?" },
      [{ reasoning: "17 + 25 = 41", answer: 41 }, { answer: 42 }],
      { lm },
    );
    expect(lm.calls).toHaveLength(1);
    expect(inputValue(lm.calls[0], "reasoning_attempt_1")).toBe(
      "Reasoning: 17 + 25 = 41\nPrediction:\nanswer: 41",
    );
    expect(inputValue(lm.calls[0], "reasoning_attempt_2")).toBe("Prediction:\nanswer: 42");
    expect(run.outputs.answer).toBe(42);
    await expect(compare.run({ question: "q" }, [{ answer: 1 }], { lm })).rejects.toThrow(/exactly m = 2/);
  });

  it("returns rationale and outputs from call, and exposes `reason.predict` and `compare`", async () => {
    const compare = new MultiChainComparison(Sum, { m: 2 });
    expect(compare.namedPredictors().map(([path]) => path)).toEqual(["reason.predict", "compare"]);
    expect(await compare.call({ question: "q" }, { lm: comparisonModel() })).toEqual({
      rationale: "Attempts 1 and 3 slip; 17 + 25 = 42.",
      answer: 42,
    });
  });
});
