import { APICallError, type GenerateRequest } from "@lathe/core";
import { APIConnectionError } from "openai";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/openai/classify-failure.js";
import { createOpenAI } from "../../src/openai/index.js";
import { mockModel, rejectionOf, startTestServer } from "../server/harness.js";

const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

/** A fetch that counts its calls, optionally replaced by a buggy one. */
function countingFetch(buggy = false): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const counting: typeof fetch = async (input, init) => {
    calls++;
    const response = await fetch(input, init);
    // The bug: a wrapper that forgets to return the response.
    return buggy ? (undefined as unknown as Response) : response;
  };
  return { fetch: counting, calls: () => calls };
}

describe("classifyFailure", () => {
  it("calls only real network failures connection errors", () => {
    const connection = [
      new APIConnectionError({ message: "Connection error." }),
      withCode("read ECONNRESET", "ECONNRESET"),
      withCode("write EPIPE", "EPIPE"),
      new TypeError("fetch failed", { cause: withCode("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED") }),
      new TypeError("terminated", { cause: withCode("other side closed", "UND_ERR_SOCKET") }),
      new TypeError("fetch failed", { cause: withCode("Connect Timeout Error", "UND_ERR_CONNECT_TIMEOUT") }),
    ];
    for (const error of connection) {
      expect(classifyFailure(error)).toMatchObject({ kind: "connection", retryable: true });
    }
  });

  it("calls programming errors unexpected and never retries them", () => {
    const bugs = [
      new TypeError("Cannot read properties of undefined (reading 'entries')"),
      new RangeError("Invalid array length"),
      new TypeError("fetch failed"),
      withCode('The "url" argument must be of type string', "ERR_INVALID_ARG_TYPE"),
      "a thrown string",
    ];
    for (const error of bugs) {
      expect(classifyFailure(error)).toMatchObject({ kind: "unexpected", retryable: false });
    }
    expect(classifyFailure(new SyntaxError("Unexpected end of JSON input"))).toMatchObject({
      kind: "invalid",
      retryable: true,
    });
  });
});

describe("OpenAILanguageModel: unexpected errors versus connection resets", () => {
  const model = (baseURL: string, fetch: typeof globalThis.fetch) =>
    createOpenAI({
      modelId: "gpt-4o-mini",
      baseURL,
      apiKey: "sk-lathe-classify-0123",
      maxRetries: 3,
      initialRetryDelayMs: 1,
      fetch,
    });

  it("throws a programming error once, without retrying", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    const counting = countingFetch(true);
    const error = await rejectionOf(model(server.url, counting.fetch).doGenerate(request));
    expect(counting.calls()).toBe(1);
    expect(server.stats.requests).toBe(1);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, retries: 0, statusCode: undefined });
    expect(String(error)).toContain("unexpected error (not retried): TypeError: ");
    expect((error as Error).cause).toMatchObject({ name: "TypeError" });
  });

  it("retries a connection reset", async () => {
    const server = await startTestServer({ model: mockModel("ok") });
    server.failNext({ kind: "reset" });
    const counting = countingFetch();
    const result = await model(server.url, counting.fetch).doGenerate(request);
    expect(result).toMatchObject({ choices: [{ text: "ok" }], retries: 1 });
    expect(counting.calls()).toBe(2);
    expect(server.stats).toMatchObject({ disconnected: 1, completed: 1 });
  });
});
