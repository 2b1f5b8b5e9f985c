import { type GenerateRequest, TimeoutError } from "@lathe/core";
import { describe, expect, it, vi } from "vitest";
import { createOpenAI, type OpenAIOptions } from "../../src/openai/index.js";
import { gatedModel, mockModel, rejectionOf, startTestServer } from "../server/harness.js";

function model(baseURL: string, options: Partial<OpenAIOptions> = {}) {
  return createOpenAI({
    modelId: "gpt-4o-mini",
    baseURL,
    apiKey: "sk-lathe-abort-0123456789",
    initialRetryDelayMs: 1,
    ...options,
  });
}

const ask = (signal?: AbortSignal): GenerateRequest => ({
  messages: [{ role: "user", content: "hi" }],
  temperature: 0,
  ...(signal && { signal }),
});

describe("OpenAILanguageModel: timeouts", () => {
  it("throws TimeoutError once every attempt has timed out", async () => {
    const server = await startTestServer({ model: mockModel("late") });
    server.failNext({ kind: "delay", ms: 30_000 }, 2);
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const started = performance.now();
    const backend = model(server.url, { timeoutMs: 80, maxRetries: 1, fetch: counting });
    const error = await rejectionOf(backend.doGenerate(ask()));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: "LatheTimeoutError",
      timeoutMs: 80,
      provider: "openai",
      modelId: "gpt-4o-mini",
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(attempts).toBe(2);
  });

  it("retries a timed-out attempt and returns the next answer", async () => {
    const server = await startTestServer({ model: mockModel("on time") });
    server.failNext({ kind: "delay", ms: 30_000 });
    const result = await model(server.url, { timeoutMs: 500 }).doGenerate(ask());
    expect(result).toMatchObject({ choices: [{ text: "on time" }], retries: 1 });
  });
});

describe("OpenAILanguageModel: abort", () => {
  it("rejects promptly with the signal's reason and the server sees the connection close", async () => {
    const server = await startTestServer({ model: mockModel("never", 30_000) });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const pending = model(server.url).doGenerate(ask(controller.signal));
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1));
    const started = performance.now();
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
    await vi.waitFor(() => expect(server.stats).toMatchObject({ disconnected: 1, inFlight: 0 }));
  });

  it("rejects with an AbortError DOMException when aborted without a reason", async () => {
    const server = await startTestServer({ model: mockModel("never", 30_000) });
    const controller = new AbortController();
    const pending = model(server.url).doGenerate(ask(controller.signal));
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1));
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
  });

  it("cancels a backoff wait", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 429, retryAfterMs: 30_000 });
    const controller = new AbortController();
    const pending = model(server.url, { maxRetryDelayMs: 60_000 }).doGenerate(ask(controller.signal));
    await vi.waitFor(() => expect(server.stats.byStatus).toEqual({ 429: 1 }));
    const reason = new Error("stop waiting");
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    expect(server.stats.requests).toBe(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    const reason = new Error("too late");
    expect(await rejectionOf(model(server.url).doGenerate(ask(AbortSignal.abort(reason))))).toBe(reason);
    expect(server.stats.requests).toBe(0);
  });
});

describe("OpenAILanguageModel: concurrency", () => {
  it("never has more HTTP calls in flight than its limit", async () => {
    const { model: gated, open } = gatedModel();
    const server = await startTestServer({ model: gated });
    const backend = model(server.url, { concurrency: 2 });
    const pending = Array.from({ length: 7 }, () => backend.doGenerate(ask()));
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.stats.requests).toBe(2);
    open();
    const results = await Promise.all(pending);
    expect(results.every((result) => result.choices[0]?.text === "ok")).toBe(true);
    expect(server.stats).toMatchObject({ peakInFlight: 2, completed: 7 });
  });

  it("lets a request waiting for a slot be aborted", async () => {
    const server = await startTestServer({ model: mockModel("ok"), latencyMs: 200 });
    const backend = model(server.url, { concurrency: 1 });
    const first = backend.doGenerate(ask());
    const controller = new AbortController();
    const queued = backend.doGenerate(ask(controller.signal));
    const reason = new Error("no longer needed");
    controller.abort(reason);
    expect(await rejectionOf(queued)).toBe(reason);
    expect((await first).choices[0]?.text).toBe("ok");
    expect(server.stats.requests).toBe(1);
  });
});
