import { describe, expect, it } from "vitest";
import {
  Budget,
  BudgetExceededError,
  estimateCost,
  type GenerateRequest,
  generate,
  MemoryCache,
  MockLanguageModel,
  Predict,
  signature,
  UsageTracker,
  withSettings,
} from "../src/index.js";

const QA = signature("question -> answer");
const reply = "[[ ## answer ## ]]\nParis";
const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };

/** A fixed-usage result: 100 prompt and 50 completion tokens. */
const priced = {
  choices: [{ text: reply, finishReason: "stop" as const }],
  usage: { promptTokens: 100, completionTokens: 50 },
};

async function rejection(promise: Promise<unknown>): Promise<BudgetExceededError> {
  try {
    await promise;
  } catch (error) {
    if (BudgetExceededError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a BudgetExceededError");
}

describe("Budget: call cap", () => {
  it("stops further calls with BudgetExceededError", async () => {
    const lm = new MockLanguageModel({ responses: reply });
    const budget = new Budget({ maxCalls: 2 });
    const predict = new Predict(QA);
    await withSettings({ lm, budget }, async () => {
      await predict.call({ question: "1" });
      await predict.call({ question: "2" });
      const error = await rejection(predict.call({ question: "3" }));
      expect(error.limit).toBe("calls");
      expect(error.cap).toBe(2);
      expect(error.spent).toBe(2);
      expect(error.message).toBe("budget of 2 calls reached (spent 2); raise the cap to continue");
    });
    expect(lm.calls).toHaveLength(2);
    expect(budget.spent).toEqual({ calls: 2, tokens: expect.any(Number), usd: 0 });
  });

  it("never lets more calls than the cap reach the LM under concurrency", async () => {
    const lm = new MockLanguageModel({ responses: reply, latencyMs: 10 });
    const budget = new Budget({ maxCalls: 5 });
    const predict = new Predict(QA);
    const outcomes = await withSettings({ lm, budget }, () =>
      Promise.allSettled(Array.from({ length: 20 }, (_, index) => predict.call({ question: `q${index}` }))),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(5);
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(rejected).toHaveLength(15);
    expect(rejected.every((outcome) => BudgetExceededError.isInstance(outcome.reason))).toBe(true);
    expect(lm.calls).toHaveLength(5);
    expect(budget.spent.calls).toBe(5);
  });

  it("gives back the slot of a call that failed", async () => {
    let calls = 0;
    const lm = new MockLanguageModel({
      responses: () => {
        calls++;
        if (calls === 1) throw new Error("network");
        return reply;
      },
    });
    const budget = new Budget({ maxCalls: 1 });
    await expect(generate(lm, request, { budget }, "self")).rejects.toThrow("network");
    expect(budget.spent.calls).toBe(0);
    await expect(generate(lm, request, { budget }, "self")).resolves.toMatchObject({ cached: false });
    expect(budget.spent.calls).toBe(1);
    await expect(generate(lm, request, { budget }, "self")).rejects.toThrow(BudgetExceededError);
  });

  it("counts parse retries as calls", async () => {
    const lm = new MockLanguageModel({ responses: "no markers", modelId: "m" });
    const budget = new Budget({ maxCalls: 2 });
    const error = await rejection(
      new Predict(signature("q -> a: int, b: int")).call({ q: "x" }, { lm, budget, maxParseRetries: 5 }),
    );
    expect(error.limit).toBe("calls");
    expect(lm.calls).toHaveLength(2);
  });
});

describe("Budget: token and cost caps", () => {
  it("stops once the tokens spent reach the cap", async () => {
    const lm = new MockLanguageModel({ responses: priced });
    const budget = new Budget({ maxTokens: 300 });
    await generate(lm, request, { budget }, "self");
    expect(budget.exhaustedBy()).toBeUndefined();
    await generate(lm, request, { budget }, "self");
    expect(budget.spent.tokens).toBe(300);
    const error = await rejection(generate(lm, request, { budget }, "self"));
    expect([error.limit, error.cap, error.spent]).toEqual(["tokens", 300, 300]);
    expect(lm.calls).toHaveLength(2);
  });

  it("stops once the estimated USD reaches the cap, with per-model prices", async () => {
    const lm = new MockLanguageModel({ responses: priced, provider: "openai", modelId: "gpt-4o" });
    // gpt-4o: $2.50 / 1M input, $10 / 1M output → 100 * 2.5e-6 + 50 * 1e-5 = $0.00075 per call.
    expect(
      estimateCost({ "openai/gpt-4o": { input: 2.5, output: 10 } }, "openai/gpt-4o", priced.usage),
    ).toBeCloseTo(0.00075, 12);
    const budget = new Budget({ maxUsd: 0.0015 });
    const usage = new UsageTracker();
    await generate(lm, request, { budget, usage }, "self");
    await generate(lm, request, { budget, usage }, "self");
    expect(budget.spent.usd).toBeCloseTo(0.0015, 12);
    expect(usage.total.costUsd).toBeCloseTo(0.0015, 12);
    const error = await rejection(generate(lm, request, { budget }, "self"));
    expect(error.limit).toBe("usd");
    expect(error.message).toBe("budget of $0.0015 reached (spent $0.0015); raise the cap to continue");
    expect(lm.calls).toHaveLength(2);
  });

  it("uses the budget's own prices and notes unpriced models", async () => {
    const lm = new MockLanguageModel({ responses: priced });
    const budget = new Budget({ maxUsd: 1, prices: { "mock/mock-model": { input: 1000, output: 2000 } } });
    await generate(lm, request, { budget }, "self");
    expect(budget.spent.usd).toBeCloseTo(0.2, 12);
    const unpriced = new Budget({ maxUsd: 1 });
    await generate(lm, request, { budget: unpriced }, "self");
    expect(unpriced.spent.usd).toBe(0);
    expect([...unpriced.unpricedModels]).toEqual(["mock/mock-model"]);
  });

  it("rejects negative or non-numeric caps", () => {
    expect(() => new Budget({ maxCalls: -1 })).toThrow("budget maxCalls must be a number >= 0, got -1");
    expect(() => new Budget({ maxUsd: Number.NaN })).toThrow(RangeError);
    expect(new Budget({ maxCalls: 0 }).exhaustedBy()?.limit).toBe("calls");
  });
});

describe("Budget and the cache", () => {
  it("cache hits are free: they pass a spent budget and are not counted", async () => {
    const lm = new MockLanguageModel({ responses: reply });
    const budget = new Budget({ maxCalls: 1 });
    const cache = new MemoryCache();
    const predict = new Predict(QA);
    await withSettings({ lm, budget, cache }, async () => {
      await predict.call({ question: "q" });
      expect(await predict.call({ question: "q" })).toEqual({ answer: "Paris" });
      expect(await predict.call({ question: "q" })).toEqual({ answer: "Paris" });
      await expect(predict.call({ question: "other" })).rejects.toThrow(BudgetExceededError);
    });
    expect(budget.spent.calls).toBe(1);
    expect(lm.calls).toHaveLength(1);
  });
});
