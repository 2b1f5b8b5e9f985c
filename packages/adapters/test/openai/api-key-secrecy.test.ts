import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { APICallError, type GenerateRequest, TimeoutError } from "@lathe/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOpenAI, MissingApiKeyError } from "../../src/openai/index.js";
import { expectNoSecret, mockModel, rejectionOf, startTestServer } from "../server/harness.js";

const SECRET = "sk-lathe-TOPSECRET-7f3a9c1e5b2d4680";
const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };

const backend = (baseURL: string, timeoutMs?: number) =>
  createOpenAI({
    modelId: "gpt-4o-mini",
    baseURL,
    apiKey: SECRET,
    maxRetries: 1,
    initialRetryDelayMs: 1,
    ...(timeoutMs !== undefined && { timeoutMs }),
  });

/** A hostile server that echoes the bearer token into its error body, message and headers. */
let echo: Server | undefined;
async function startEchoServer(status: number): Promise<string> {
  echo = createServer((incoming, response) => {
    const token = incoming.headers.authorization ?? "";
    response.writeHead(status, { "content-type": "application/json", "x-echo": token });
    response.end(
      JSON.stringify({
        error: { message: `Incorrect API key provided: ${token}`, type: "auth", echo: token },
      }),
    );
  });
  await new Promise<void>((resolve) => echo?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
}

afterEach(async () => {
  echo?.closeAllConnections();
  await new Promise<void>((resolve) => (echo ? echo.close(() => resolve()) : resolve()));
  echo = undefined;
  vi.unstubAllEnvs();
});

describe("OpenAILanguageModel: the API key never leaks into errors", () => {
  it("on a 401", async () => {
    const server = await startTestServer({ model: mockModel(), apiKey: "the-right-key" });
    const error = await rejectionOf(backend(server.url).doGenerate(request));
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(String(error)).toContain("check the API key");
    expectNoSecret(error, SECRET);
  });

  it("on a 401 from a server that echoes the key back", async () => {
    const error = await rejectionOf(backend(await startEchoServer(401)).doGenerate(request));
    expect(error).toMatchObject({ statusCode: 401 });
    expect(String(error)).toContain("[REDACTED]");
    expectNoSecret(error, SECRET);
  });

  it("on 429s and 500s once retries are exhausted", async () => {
    const server = await startTestServer({ model: mockModel() });
    server.failNext({ kind: "status", status: 429, retryAfterMs: 1 }, 2);
    const rateLimited = await rejectionOf(backend(server.url).doGenerate(request));
    expect(rateLimited).toMatchObject({ statusCode: 429, retries: 1 });
    expectNoSecret(rateLimited, SECRET);
    const echoed = await rejectionOf(backend(await startEchoServer(500)).doGenerate(request));
    expect(echoed).toMatchObject({ statusCode: 500, retries: 1 });
    expectNoSecret(echoed, SECRET);
  });

  it("on a timeout", async () => {
    const server = await startTestServer({ model: mockModel() });
    server.failNext({ kind: "delay", ms: 30_000 }, 2);
    const error = await rejectionOf(backend(server.url, 40).doGenerate(request));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expectNoSecret(error, SECRET);
  });

  it("on a refused connection", async () => {
    const server = await startTestServer({ model: mockModel() });
    const url = server.url;
    await server.close();
    const error = await rejectionOf(backend(url).doGenerate(request));
    expect(APICallError.isInstance(error)).toBe(true);
    expectNoSecret(error, SECRET);
  });
});

describe("OpenAILanguageModel: the API key never leaks from the model object", () => {
  it("is absent from inspection and JSON of the model", () => {
    const model = backend("http://127.0.0.1:9/v1");
    expect(inspect(model, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(model)).not.toContain(SECRET);
    expect(JSON.stringify(model)).toContain("gpt-4o-mini");
  });
});

describe("createOpenAI: credentials and base URL from the environment", () => {
  it("throws MissingApiKeyError naming OPENAI_API_KEY and the apiKey option", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const error = (() => {
      try {
        createOpenAI({ modelId: "gpt-4o-mini" });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(String(error)).toContain("OPENAI_API_KEY");
    expect(String(error)).toContain("apiKey");
    expect(error).toMatchObject({ provider: "openai", environmentVariable: "OPENAI_API_KEY" });
  });

  it("reads OPENAI_API_KEY and OPENAI_BASE_URL when the options are absent", async () => {
    const server = await startTestServer({ model: mockModel("from env"), apiKey: SECRET });
    vi.stubEnv("OPENAI_API_KEY", SECRET);
    vi.stubEnv("OPENAI_BASE_URL", server.url);
    const model = createOpenAI({ modelId: "gpt-4o-mini" });
    expect(model.baseURL).toBe(server.url);
    expect((await model.doGenerate(request)).choices[0]?.text).toBe("from env");
  });

  it("prefers the options over the environment", async () => {
    const server = await startTestServer({ model: mockModel("from options"), apiKey: "option-key" });
    vi.stubEnv("OPENAI_API_KEY", "env-key");
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    const model = createOpenAI({ modelId: "gpt-4o-mini", apiKey: "option-key", baseURL: server.url });
    expect((await model.doGenerate(request)).choices[0]?.text).toBe("from options");
  });
});
