import {
  Budget,
  BudgetExceededError,
  generate,
  MockLanguageModel,
  Semaphore,
  UsageTracker,
} from "@lathe/core";
import { describe, expect, it } from "vitest";
import { limitConcurrency } from "../../src/shared/limited-language-model.js";

const result = {
  choices: [{ text: "ok", finishReason: "stop" as const }],
  usage: { promptTokens: 60, completionTokens: 40 },
};

// Ten calls queue behind a limit of one; each costs 100 tokens and the cap is 150.
async function queueTen(budget: Budget) {
  const model = new MockLanguageModel({ responses: result, latencyMs: 2 });
  const usage = new UsageTracker();
  const lm = limitConcurrency(model, new Semaphore(1), budget);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, (_, index) =>
      generate(
        lm,
        { messages: [{ role: "user", content: `question ${index}` }], temperature: 0 },
        { budget, usage },
        "self",
      ),
    ),
  );
  return { model, usage, outcomes };
}

describe("calls queued behind the concurrency limit", () => {
  it("check the token cap again when they get their slot, so the queue does not overshoot it", async () => {
    const budget = new Budget({ maxTokens: 150 });
    const { model, usage, outcomes } = await queueTen(budget);
    // Every call passed the cap when it queued (nothing was spent yet); two were sent.
    expect(model.calls).toHaveLength(2);
    expect(budget.spent.tokens).toBe(200);
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(rejected).toHaveLength(8);
    for (const outcome of rejected) expect(BudgetExceededError.isInstance(outcome.reason)).toBe(true);
    // Stopped in the queue: not a failure of the model.
    expect(usage.snapshot().total.failures).toBe(0);
    expect(budget.exhaustedBy()?.message).toMatch(/150 tokens/);
  });

  it("check the cost cap the same way", async () => {
    const budget = new Budget({ maxUsd: 0.00005, prices: { "mock/mock-model": { input: 1, output: 1 } } });
    const { model } = await queueTen(budget);
    expect(model.calls).toHaveLength(1);
  });
});
