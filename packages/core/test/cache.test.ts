import { describe, expect, it } from "vitest";
import {
  cacheKey,
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

describe("cacheKey", () => {
  const lm = { provider: "mock", modelId: "mock-model" };

  it("is a hex hash that ignores the abort signal and key order", () => {
    const key = cacheKey(lm, request);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(lm, { ...request, signal: new AbortController().signal })).toBe(key);
    expect(cacheKey(lm, { temperature: 0, messages: [{ content: "hi", role: "user" }] })).toBe(key);
  });

  it("treats the defaults n = 1 and rolloutId = 0 as written", () => {
    expect(cacheKey(lm, { ...request, n: 1, rolloutId: 0 })).toBe(cacheKey(lm, request));
  });

  it("changes with the provider, model, messages, sampling, stop, response format and rollout", () => {
    const keys = [
      cacheKey(lm, request),
      cacheKey({ ...lm, provider: "other" }, request),
      cacheKey({ ...lm, modelId: "other" }, request),
      cacheKey(lm, { ...request, messages: [{ role: "user", content: "hi!" }] }),
      cacheKey(lm, { ...request, temperature: 0.7 }),
      cacheKey(lm, { ...request, rolloutId: 1 }),
      cacheKey(lm, { ...request, n: 2 }),
      cacheKey(lm, { ...request, maxTokens: 10 }),
      cacheKey(lm, { ...request, seed: 1 }),
      cacheKey(lm, { ...request, stop: ["\n"] }),
      cacheKey(lm, { ...request, messages: [{ role: "system", content: "hi" }] }),
      cacheKey(lm, { ...request, responseFormat: { type: "text" } }),
      cacheKey(lm, {
        ...request,
        responseFormat: { type: "json_schema", name: "outputs", schema: { type: "object" }, strict: true },
      }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("MemoryCache", () => {
  it("stores copies, so a caller editing a result cannot change the cache", async () => {
    const cache = new MemoryCache();
    const result = {
      choices: [{ text: "a", finishReason: "stop" as const }],
      usage: { promptTokens: 1, completionTokens: 1 },
    };
    await cache.set("k", result);
    const first = (await cache.get("k")) as unknown as { choices: Array<{ text: string }> };
    first.choices[0]!.text = "edited";
    expect(await cache.get("k")).toEqual(result);
    expect(await cache.get("missing")).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});

describe("caching LM calls", () => {
  it("answers a second identical call from the cache with no new LM call", async () => {
    const lm = new MockLanguageModel({ responses: reply });
    const usage = new UsageTracker();
    const cache = new MemoryCache();
    const predict = new Predict(QA);
    await withSettings({ lm, cache, usage }, async () => {
      expect(await predict.call({ question: "Capital of France?" })).toEqual({ answer: "Paris" });
      expect(lm.calls).toHaveLength(1);
      expect(usage.total).toMatchObject({ calls: 1, cacheHits: 0 });
      expect(await predict.call({ question: "Capital of France?" })).toEqual({ answer: "Paris" });
    });
    expect(lm.calls).toHaveLength(1);
    expect(usage.total).toMatchObject({ calls: 1, cacheHits: 1 });
    expect(cache.size).toBe(1);
  });

  it("misses for a different rollout, temperature or input", async () => {
    const lm = new MockLanguageModel({ responses: reply });
    const usage = new UsageTracker();
    const predict = new Predict(QA);
    await withSettings({ lm, cache: new MemoryCache(), usage }, async () => {
      await predict.call({ question: "q" });
      await predict.call({ question: "q" }, { rolloutId: 1 });
      await predict.call({ question: "q" }, { temperature: 0.7 });
      await predict.call({ question: "q2" });
      await predict.call({ question: "q" }, { rolloutId: 1 });
    });
    expect(lm.calls.map((call) => [call.rolloutId, call.temperature])).toEqual([
      [0, 0],
      [1, 0],
      [0, 0.7],
      [0, 0],
    ]);
    expect(usage.total).toMatchObject({ calls: 4, cacheHits: 1 });
  });

  it("sends concurrent identical requests once", async () => {
    const lm = new MockLanguageModel({ responses: reply, latencyMs: 20 });
    const usage = new UsageTracker();
    const predict = new Predict(QA);
    const answers = await withSettings({ lm, cache: new MemoryCache(), usage }, () =>
      Promise.all(Array.from({ length: 5 }, () => predict.call({ question: "same" }))),
    );
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ answer: "Paris" })));
    expect(lm.calls).toHaveLength(1);
    expect(usage.total).toMatchObject({ calls: 1, cacheHits: 4 });
  });

  it("does not cache a result without choices", async () => {
    const lm = new MockLanguageModel({
      responses: { choices: [], usage: { promptTokens: 1, completionTokens: 0 } },
    });
    const cache = new MemoryCache();
    const outcome = await generate(lm, request, { cache }, "self");
    expect(outcome.cached).toBe(false);
    expect(cache.size).toBe(0);
    await generate(lm, request, { cache }, "self");
    expect(lm.calls).toHaveLength(2);
  });

  it("does not cache a failed call", async () => {
    let fail = true;
    const lm = new MockLanguageModel({
      responses: () => {
        if (fail) throw new Error("provider down");
        return "ok";
      },
    });
    const cache = new MemoryCache();
    await expect(generate(lm, request, { cache }, "self")).rejects.toThrow("provider down");
    fail = false;
    const outcome = await generate(lm, request, { cache }, "self");
    expect(outcome).toMatchObject({ cached: false, result: { choices: [{ text: "ok" }] } });
    expect((await generate(lm, request, { cache }, "self")).cached).toBe(true);
    expect(lm.calls).toHaveLength(2);
  });

  it("caches nothing without a cache in the settings", async () => {
    const lm = new MockLanguageModel({ responses: reply });
    const predict = new Predict(QA);
    await predict.call({ question: "q" }, { lm });
    await predict.call({ question: "q" }, { lm });
    expect(lm.calls).toHaveLength(2);
  });
});
