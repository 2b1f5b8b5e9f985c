import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { ai } from "@ax-llm/ax";
import { APICallError, type GenerateRequest, TimeoutError } from "@lathe/core";
import { afterEach, describe, expect, it } from "vitest";
import { axLanguageModel } from "../../src/ax/index.js";
import { redactCredentials } from "../../src/ax/redact-credentials.js";
import { expectNoSecret, rejectionOf } from "../server/harness.js";

// Ax errors carry the request and response bodies; a hostile server echoes the key into both
// the body and a header. The mapped error must not reveal it anywhere.
const KEYS = ["sk-lathe-ax-SECRET-4f1e9a7c2b", "plainsecretvalue0042"];
const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };

let echo: Server | undefined;
afterEach(async () => {
  echo?.closeAllConnections();
  await new Promise<void>((resolve) => (echo ? echo.close(() => resolve()) : resolve()));
  echo = undefined;
});

async function startEchoServer(status: number, delayMs = 0): Promise<string> {
  echo = createServer((incoming, response) => {
    const token = incoming.headers.authorization ?? "";
    const body = { error: { message: `Incorrect API key provided: ${token}`, type: "auth", key: token } };
    const timer = setTimeout(() => {
      response.writeHead(status, { "content-type": "application/json", "x-echo": token });
      response.end(JSON.stringify(body));
    }, delayMs);
    response.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => echo?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
}

function compatibleService(apiKey: string, apiURL: string, timeout?: number) {
  return ai({
    name: "openai-compatible",
    apiKey,
    apiURL,
    config: { model: "gpt-4o-mini" },
    options: { retry: { maxRetries: 0 }, ...(timeout !== undefined && { timeout }) },
  });
}

/** Every rendering the brief names, for the error and each error in its cause chain. */
function renderings(error: unknown): string[] {
  const texts = [inspect(error, { depth: 10 })];
  for (let current = error; current !== undefined; current = (current as Error).cause) {
    texts.push(String(current), JSON.stringify(current) ?? "", JSON.stringify({ ...(current as object) }));
  }
  return texts;
}

describe("axLanguageModel: errors never reveal the key", () => {
  it.each([
    [401, KEYS[0], undefined],
    [401, KEYS[1], undefined],
    [500, KEYS[0], 500],
    [500, KEYS[1], 500],
  ])("on an HTTP %i whose body and headers echo the key (%s)", async (status, key = "", statusCode) => {
    const model = axLanguageModel(compatibleService(key, await startEchoServer(status)));
    const error = await rejectionOf(model.doGenerate(request));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: "ax:openai-compatible", statusCode, retries: 0 });
    expect((error as Error).cause).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(key);
    expectNoSecret(error, key);
  });

  it("on Ax's own timeout, whose error carries the request body: none of it is kept", async () => {
    const key = KEYS[0] ?? "";
    const prompt = "private prompt text 5521";
    const model = axLanguageModel(compatibleService(key, await startEchoServer(200, 2000), 50));
    const error = await rejectionOf(
      model.doGenerate({ ...request, messages: [{ role: "user", content: prompt }] }),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).cause).toMatchObject({ name: "AxAIServiceTimeoutError" });
    for (const text of renderings(error)) expect(text).not.toContain(prompt);
    expectNoSecret(error, key);
  });

  it("keeps the first line of Ax's message, minus anything shaped like a credential", () => {
    expect(redactCredentials("HTTP 500 - Internal Server Error")).toBe("HTTP 500 - Internal Server Error");
    expect(redactCredentials(`Authorization: Bearer ${KEYS[0]}`)).toBe("Authorization: [REDACTED]");
    expect(redactCredentials(`bad key ${KEYS[0]}.`)).toBe("bad key [REDACTED].");
    expect(redactCredentials("GET /v1beta/models?key=AIzaSyA1234567890abcdefghijklmnopqrstu&alt=sse")).toBe(
      "GET /v1beta/models?key=[REDACTED]&alt=sse",
    );
    expect(redactCredentials('{"x-api-key": "abc123def456"}')).toBe('{"x-api-key": "[REDACTED]"}');
  });
});
