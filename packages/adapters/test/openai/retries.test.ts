import { createServer } from "node:net";
import { APICallError, type GenerateRequest } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { createOpenAI, type OpenAIOptions } from "../../src/openai/index.js";
import { mockModel, rejectionOf, startTestServer } from "../server/harness.js";

const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };

function model(baseURL: string, options: Partial<OpenAIOptions> = {}) {
  return createOpenAI({
    modelId: "gpt-4o-mini",
    baseURL,
    apiKey: "sk-lathe-retries-0123456789",
    initialRetryDelayMs: 1,
    maxRetryDelayMs: 2000,
    ...options,
  });
}

/** A base URL where nothing listens (a port that was free a moment ago). */
async function refusedURL(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

describe("OpenAILanguageModel: retries", () => {
  it("waits as long as a 429's retry-after-ms asks, then succeeds and counts the retry", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 429, retryAfterMs: 150 });
    const started = performance.now();
    const result = await model(server.url, { random: () => 0 }).doGenerate(request);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(result).toMatchObject({ choices: [{ text: "ok" }], retries: 1 });
    expect(server.stats.byStatus).toEqual({ 200: 1, 429: 1 });
  });

  it("caps a server-requested wait at maxRetryDelayMs", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 429, retryAfterMs: 60_000 });
    const started = performance.now();
    const result = await model(server.url, { maxRetryDelayMs: 20 }).doGenerate(request);
    expect(result.retries).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("retries 5xx and succeeds", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 500 });
    server.failNext({ kind: "status", status: 502 });
    const result = await model(server.url).doGenerate(request);
    expect(result.retries).toBe(2);
    expect(server.stats.byStatus).toEqual({ 200: 1, 500: 1, 502: 1 });
  });

  it("throws APICallError with the status and retry count once 5xx retries are exhausted", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 503 }, 10);
    const error = await rejectionOf(model(server.url, { maxRetries: 3 }).doGenerate(request));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: "LatheAPICallError",
      provider: "openai",
      modelId: "gpt-4o-mini",
      statusCode: 503,
      isRetryable: true,
      retries: 3,
    });
    expect(String(error)).toContain("HTTP 503 after 3 retries");
    expect(server.stats.requests).toBe(4);
  });

  it("fails a 400 immediately, without retrying", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "status", status: 400 });
    const error = await rejectionOf(model(server.url).doGenerate(request));
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false, retries: 0 });
    expect(server.stats.requests).toBe(1);
  });

  it("retries a connection reset mid-response", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "reset" });
    const result = await model(server.url).doGenerate(request);
    expect(result).toMatchObject({ choices: [{ text: "ok" }], retries: 1 });
    expect(server.stats).toMatchObject({ disconnected: 1, completed: 1 });
  });

  it("retries an answer without choices", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "empty-choices" });
    expect(await model(server.url).doGenerate(request)).toMatchObject({
      choices: [{ text: "ok" }],
      retries: 1,
    });
  });

  it("retries a 200 whose body is not valid JSON", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    let calls = 0;
    const truncatingOnce: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (calls++ > 0) return response;
      const text = await response.text();
      return new Response(text.slice(0, 20), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    };
    const result = await model(server.url, { fetch: truncatingOnce }).doGenerate(request);
    expect(result).toMatchObject({ choices: [{ text: "ok" }], retries: 1 });

    const alwaysTruncated: typeof fetch = async () =>
      new Response('{"id":"chatcmpl-1","choi', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    const error = await rejectionOf(
      model(server.url, { fetch: alwaysTruncated, maxRetries: 1 }).doGenerate(request),
    );
    expect(error).toMatchObject({ statusCode: 200, isRetryable: true, retries: 1 });
    expect(String(error)).toContain("returned an invalid response");
  });

  it("reports an answer that never has choices as a retryable APICallError", async () => {
    const server = await startTestServer({ model: mockModel("ok"), emptyChoicesRate: 1 });
    const error = await rejectionOf(model(server.url, { maxRetries: 1 }).doGenerate(request));
    expect(error).toMatchObject({ statusCode: 200, isRetryable: true, retries: 1 });
    expect(String(error)).toContain(
      "returned an invalid response after 1 retry: the response has no choices",
    );
  });

  it("retries a refused connection, then throws a retryable APICallError without status", async () => {
    const error = await rejectionOf(model(await refusedURL(), { maxRetries: 2 }).doGenerate(request));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: undefined, isRetryable: true, retries: 2 });
    expect(String(error)).toContain("could not be reached");
  });
});
