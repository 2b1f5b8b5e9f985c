import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { getSettings, MockLanguageModel, Predict, signature, withSettings } from "../src/index.js";

const Echo = signature("question -> answer");

describe("withSettings", () => {
  it("layers scopes field by field, the innermost winning", async () => {
    const outer = new MockLanguageModel({ responses: "x", modelId: "outer" });
    const inner = new MockLanguageModel({ responses: "x", modelId: "inner" });
    await withSettings({ lm: outer, temperature: 0.5, role: "student" }, async () => {
      expect(getSettings()).toEqual({ lm: outer, temperature: 0.5, role: "student" });
      await withSettings({ lm: inner, maxTokens: 10 }, async () => {
        expect(getSettings()).toEqual({ lm: inner, temperature: 0.5, role: "student", maxTokens: 10 });
      });
      expect(getSettings()).toEqual({ lm: outer, temperature: 0.5, role: "student" });
    });
  });

  it("ignores undefined overrides instead of clearing the outer value", () => {
    const lm = new MockLanguageModel({ responses: "x" });
    withSettings({ lm }, () => {
      withSettings({ lm: undefined, temperature: undefined }, () => {
        expect(getSettings()).toEqual({ lm });
      });
    });
  });

  it("returns the function's result, sync or async", async () => {
    expect(withSettings({}, () => 42)).toBe(42);
    await expect(withSettings({}, async () => "done")).resolves.toBe("done");
  });

  it("leaks nothing after the scope ends, even when it throws", async () => {
    const lm = new MockLanguageModel({ responses: "x" });
    expect(getSettings()).toEqual({});
    await withSettings({ lm }, async () => {
      await sleep(1);
    });
    expect(getSettings()).toEqual({});
    await expect(
      withSettings({ lm }, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(getSettings()).toEqual({});
    expect(() =>
      withSettings({ lm }, () => {
        throw new Error("sync boom");
      }),
    ).toThrow("sync boom");
    expect(getSettings()).toEqual({});
  });

  it("keeps concurrent async scopes apart", async () => {
    const first = new MockLanguageModel({ responses: "[[ ## answer ## ]]\nfirst", latencyMs: 5 });
    const second = new MockLanguageModel({ responses: "[[ ## answer ## ]]\nsecond", latencyMs: 5 });
    const predict = new Predict(Echo);
    const branch = (lm: MockLanguageModel, temperature: number) =>
      withSettings({ lm, temperature }, async () => {
        const answers: string[] = [];
        for (let index = 0; index < 3; index++) {
          await sleep(index);
          expect(getSettings().lm).toBe(lm);
          answers.push((await predict.call({ question: `q${index}` })).answer);
        }
        return answers;
      });
    const [a, b] = await Promise.all([branch(first, 0.1), branch(second, 0.2)]);
    expect(a).toEqual(["first", "first", "first"]);
    expect(b).toEqual(["second", "second", "second"]);
    expect(first.calls.map((call) => call.temperature)).toEqual([0.1, 0.1, 0.1]);
    expect(second.calls.map((call) => call.temperature)).toEqual([0.2, 0.2, 0.2]);
    expect(getSettings()).toEqual({});
  });

  it("is inherited by callbacks and timers started inside the scope", async () => {
    const lm = new MockLanguageModel({ responses: "x" });
    const seen = await withSettings(
      { lm },
      () => new Promise((resolve) => setTimeout(() => resolve(getSettings().lm), 1)),
    );
    expect(seen).toBe(lm);
  });
});
