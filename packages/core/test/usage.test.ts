import { describe, expect, it } from "vitest";
import {
  type GenerateRequest,
  generate,
  MemoryCache,
  MockLanguageModel,
  Module,
  Predict,
  signature,
  UsageTracker,
  withSettings,
} from "../src/index.js";

const result = (text: string, promptTokens: number, completionTokens: number) => ({
  choices: [{ text, finishReason: "stop" as const }],
  usage: { promptTokens, completionTokens },
});

describe("UsageTracker", () => {
  it("breaks usage down by role, model and predictor path", async () => {
    const student = new MockLanguageModel({
      responses: result("[[ ## answer ## ]]\na", 10, 2),
      modelId: "small",
    });
    const teacher = new MockLanguageModel({
      responses: result("[[ ## answer ## ]]\na", 100, 20),
      provider: "openai",
      modelId: "gpt-4o",
    });
    class Program extends Module<{ question: string }, { answer: string }> {
      readonly first = new Predict(signature("question -> answer"));
      readonly second = new Predict(signature("question -> answer"));
      override async forward(inputs: { question: string }) {
        await this.first.call(inputs);
        return this.second.call(inputs);
      }
    }
    const usage = new UsageTracker();
    const program = new Program();
    await withSettings({ usage }, async () => {
      await program.call({ question: "q" }, { lm: student, role: "student" });
      await program.call({ question: "q" }, { lm: teacher, role: "teacher" });
      await program.first.call({ question: "alone" }, { lm: student });
    });
    const summary = usage.snapshot();
    expect(summary.total).toMatchObject({
      calls: 5,
      cacheHits: 0,
      promptTokens: 230,
      completionTokens: 46,
      failures: 0,
    });
    expect(summary.byRole.student).toMatchObject({ calls: 2, promptTokens: 20, completionTokens: 4 });
    expect(summary.byRole.teacher).toMatchObject({ calls: 2, promptTokens: 200, completionTokens: 40 });
    expect(summary.byRole.default).toMatchObject({ calls: 1, promptTokens: 10 });
    expect(Object.keys(summary.byModel).sort()).toEqual(["mock/small", "openai/gpt-4o"]);
    expect(summary.byModel["mock/small"]).toMatchObject({ calls: 3, costUsd: 0 });
    // gpt-4o list price: 200 * $2.50/1M + 40 * $10/1M
    expect(summary.byModel["openai/gpt-4o"]!.costUsd).toBeCloseTo(0.0009, 12);
    expect(summary.total.costUsd).toBeCloseTo(0.0009, 12);
    expect(Object.keys(summary.byPredictor).sort()).toEqual(["first", "second", "self"]);
    expect(summary.byPredictor.first).toMatchObject({ calls: 2, promptTokens: 110 });
    expect(summary.byPredictor.self).toMatchObject({ calls: 1, promptTokens: 10 });
  });

  it("counts cache hits apart from calls, with no new tokens or cost", async () => {
    const lm = new MockLanguageModel({
      responses: result("ok", 10, 5),
      provider: "openai",
      modelId: "gpt-4o",
    });
    const usage = new UsageTracker();
    const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };
    const settings = { usage, cache: new MemoryCache() };
    await generate(lm, request, settings, "self");
    await generate(lm, request, settings, "self");
    await generate(lm, request, settings, "self");
    expect(usage.total).toMatchObject({ calls: 1, cacheHits: 2, promptTokens: 10, completionTokens: 5 });
    expect(usage.total.costUsd).toBeCloseTo((10 * 2.5 + 5 * 10) / 1e6, 12);
    expect(usage.snapshot().byModel["openai/gpt-4o"]).toMatchObject({ calls: 1, cacheHits: 2 });
    expect(usage.snapshot().byPredictor.self).toMatchObject({ calls: 1, cacheHits: 2 });
  });

  it("counts cache hits per predictor and per model", async () => {
    const lm = new MockLanguageModel({ responses: result("[[ ## answer ## ]]\na", 10, 2), modelId: "small" });
    class Program extends Module<{ question: string }, { answer: string }> {
      readonly first = new Predict(signature("question -> answer"));
      readonly second = new Predict(signature("question -> answer, note?: string"));
      override async forward(inputs: { question: string }) {
        await this.first.call(inputs);
        return this.second.call(inputs);
      }
    }
    const usage = new UsageTracker();
    const program = new Program();
    await withSettings({ lm, usage, cache: new MemoryCache() }, async () => {
      await program.call({ question: "q" });
      await program.first.call({ question: "q" }); // alone, under its own path
      await program.call({ question: "q" });
    });
    const summary = usage.snapshot();
    expect(summary.byPredictor.first).toMatchObject({ calls: 1, cacheHits: 1 });
    expect(summary.byPredictor.second).toMatchObject({ calls: 1, cacheHits: 1 });
    expect(summary.byPredictor.self).toMatchObject({ calls: 0, cacheHits: 1 });
    expect(summary.byModel["mock/small"]).toMatchObject({ calls: 2, cacheHits: 3 });
    expect(lm.calls).toHaveLength(2);
  });

  it("counts failures and the retries backends report", async () => {
    const usage = new UsageTracker();
    const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };
    const flaky = new MockLanguageModel({ responses: { ...result("ok", 1, 1), retries: 2 } });
    await generate(flaky, request, { usage }, "self");
    const down = new MockLanguageModel({
      responses: () => {
        throw new Error("down");
      },
    });
    await expect(generate(down, request, { usage }, "self")).rejects.toThrow("down");
    expect(usage.total).toMatchObject({ calls: 1, failures: 1, retries: 2 });
  });

  it("forwards a child's records to its parent, and snapshots are copies", () => {
    const parent = new UsageTracker();
    const child = parent.child();
    child.record({
      role: "default",
      model: "m",
      path: "p",
      cached: false,
      usage: { promptTokens: 3, completionTokens: 4 },
    });
    expect(child.total).toMatchObject({ calls: 1, promptTokens: 3, completionTokens: 4 });
    expect(parent.total).toMatchObject({ calls: 1, promptTokens: 3, completionTokens: 4 });
    const snapshot = parent.snapshot();
    snapshot.total.calls = 99;
    expect(parent.total.calls).toBe(1);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});
