import { describe, expect, it } from "vitest";
import { MockLanguageModel, Refine, signature, traced, withSettings } from "../../src/index.js";
import { askedFor, callSequence, inputValue, reply, sentText } from "./support/scripted.js";

const Capital = signature("question: string -> answer: string", "Answer with the capital city.");

/** Drafts `answers` in order; the critic gives `scores` in order with a critique naming the score. */
function refineModel(answers: string[], scores: number[]) {
  let drafts = 0;
  let critiques = 0;
  return new MockLanguageModel({
    responses: (request) => {
      if (askedFor(request)[0] === "critique") {
        const score = scores[critiques++]!;
        return reply({ critique: `Critique ${critiques}: be more specific (score ${score})`, score });
      }
      return reply({ answer: answers[drafts++]! });
    },
  });
}

describe("Refine", () => {
  it("drafts, critiques, rewrites with the critique as feedback, and stops at the threshold", async () => {
    const lm = refineModel(["France", "Paris"], [0.3, 0.95]);
    const refine = new Refine(Capital, { maxAttempts: 3, threshold: 0.9 });
    const run = await refine.run({ question: "Capital of France?" }, { lm });

    expect(callSequence(lm.calls)).toEqual(["answer", "critique", "answer", "critique"]);
    const rewriteRequest = lm.calls[2]!;
    expect(inputValue(rewriteRequest, "feedback")).toBe("Critique 1: be more specific (score 0.3)");
    expect(inputValue(rewriteRequest, "draft")).toBe("answer: France");
    expect(sentText(lm.calls[0])).not.toContain("feedback");
    expect(inputValue(lm.calls[1], "draft")).toBe("answer: France");
    expect(run).toEqual({
      outputs: { answer: "Paris" },
      score: 0.95,
      best: 1,
      attempts: [
        { outputs: { answer: "France" }, score: 0.3, critique: "Critique 1: be more specific (score 0.3)" },
        { outputs: { answer: "Paris" }, score: 0.95, critique: "Critique 2: be more specific (score 0.95)" },
      ],
      critiques: ["Critique 1: be more specific (score 0.3)", "Critique 2: be more specific (score 0.95)"],
    });
  });

  it("stops after maxAttempts and returns the best attempt, not the last", async () => {
    const lm = refineModel(["Lyon", "Marseille", "Nice"], [0.6, 0.2, 0.4]);
    const refine = new Refine(Capital, { maxAttempts: 3, threshold: 0.9 });
    const run = await refine.run({ question: "Capital of France?" }, { lm });
    expect(lm.calls).toHaveLength(6);
    expect(run.attempts.map((attempt) => attempt.score)).toEqual([0.6, 0.2, 0.4]);
    expect(run.best).toBe(0);
    expect(run.outputs).toEqual({ answer: "Lyon" });
    // Each rewrite acted on the critique of the attempt just before it.
    expect(inputValue(lm.calls[4], "feedback")).toContain("Critique 2");
    expect(inputValue(lm.calls[4], "draft")).toBe("answer: Marseille");
  });

  it("with a reward, stops on the reward and skips the critic when no attempt follows", async () => {
    const lm = refineModel(["France", "Paris"], [0.5]);
    const rewards: string[] = [];
    const refine = new Refine(Capital, {
      maxAttempts: 3,
      threshold: 1,
      reward: (_inputs, outputs) => {
        rewards.push(outputs.answer);
        return outputs.answer === "Paris" ? 1 : 0;
      },
    });
    const run = await refine.run({ question: "Capital of France?" }, { lm });
    expect(callSequence(lm.calls)).toEqual(["answer", "critique", "answer"]);
    expect(inputValue(lm.calls[1], "reward")).toBe("0");
    expect(rewards).toEqual(["France", "Paris"]);
    expect(run.attempts.map((attempt) => [attempt.score, attempt.critique])).toEqual([
      [0, "Critique 1: be more specific (score 0.5)"],
      [1, undefined],
    ]);
  });

  it("with a reward, makes no critique for the last allowed attempt", async () => {
    const lm = refineModel(["Lyon", "Nice"], [0.5]);
    const refine = new Refine(Capital, { maxAttempts: 2, threshold: 1, reward: () => 0 });
    const run = await refine.run({ question: "Capital of France?" }, { lm });
    expect(callSequence(lm.calls)).toEqual(["answer", "critique", "answer"]);
    expect(run.critiques).toHaveLength(1);
  });

  it("returns just the outputs from call, and exposes its inner predictors by path", async () => {
    const lm = refineModel(["Paris"], [1]);
    const refine = new Refine(Capital);
    expect(refine.namedPredictors().map(([path]) => path)).toEqual(["draft", "critic", "rewrite"]);
    const { result, trace } = await traced(() =>
      withSettings({ lm }, () => refine.call({ question: "Capital of France?" })),
    );
    expect(result).toEqual({ answer: "Paris" });
    expect(trace.map((entry) => entry.path)).toEqual(["draft", "critic"]);
  });

  it("tells the critic the task it judges against", () => {
    const lm = refineModel(["Paris"], [1]);
    const request = new Refine(Capital).critic.request({ question: "q", draft: "answer: Paris" }, { lm });
    expect(sentText(request)).toContain("The task: Answer with the capital city.");
  });

  it("rejects a signature whose fields clash with the ones it adds, and bad options", () => {
    const Clash = signature("question: string, feedback: string -> answer: string");
    expect(() => new Refine(Clash)).toThrow(/adds a field named 'feedback'.*rename/);
    expect(() => new Refine(Capital, { maxAttempts: 0 })).toThrow(RangeError);
  });

  it("gives each copy made by withState its own predictors", async () => {
    const refine = new Refine(Capital);
    const tuned = refine.withState({ critic: { instructions: "Be harsh.", demos: [] } });
    expect(tuned.critic.instructions).toBe("Be harsh.");
    expect(refine.critic.instructions).not.toBe("Be harsh.");
    const lm = refineModel(["Paris"], [1]);
    await tuned.run({ question: "q" }, { lm });
    expect(lm.calls[1]!.messages[0]!.content).toContain("Be harsh.");
  });
});
