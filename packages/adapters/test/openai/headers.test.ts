import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GenerateRequest } from "@lathe/core";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAI } from "../../src/openai/index.js";
import { expectNoSecret, mockModel, rejectionOf, startTestServer } from "../server/harness.js";
import { startRecordingProxy } from "../server/recording-proxy.js";

const KEY = "sk-lathe-headers-0123456789";
const GATEWAY_TOKEN = "gw-lathe-token-9876543210";
const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };
const custom = { "X-Lathe-Tenant": "team-a", "X-Title": "lathe tests" };

let echo: Server | undefined;
afterEach(async () => {
  echo?.closeAllConnections();
  await new Promise<void>((resolve) => (echo ? echo.close(() => resolve()) : resolve()));
  echo = undefined;
});

describe("OpenAILanguageModel: the headers option", () => {
  it("sends custom headers with every request, retries included, beside the bearer token", async () => {
    const server = await startTestServer({ model: mockModel("ok"), apiKey: KEY });
    server.failNext({ kind: "status", status: 503 });
    const proxy = await startRecordingProxy(server.url);
    const lm = createOpenAI({
      modelId: "gpt-4o-mini",
      baseURL: proxy.url,
      apiKey: KEY,
      headers: custom,
      initialRetryDelayMs: 1,
    });
    expect((await lm.doGenerate(request)).retries).toBe(1);
    expect((await lm.doGenerate(request)).retries).toBe(0);

    expect(proxy.requests).toHaveLength(3);
    for (const recorded of proxy.requests) {
      expect(recorded.headers).toMatchObject({
        "x-lathe-tenant": "team-a",
        "x-title": "lathe tests",
        authorization: `Bearer ${KEY}`,
      });
    }
    expect(server.stats.byStatus).toEqual({ 200: 2, 503: 1 });
  });

  it("replaces the bearer token only when told to with an Authorization header", async () => {
    const server = await startTestServer({ model: mockModel("ok"), apiKey: GATEWAY_TOKEN });
    const proxy = await startRecordingProxy(server.url);
    const lm = createOpenAI({
      modelId: "gpt-4o-mini",
      baseURL: proxy.url,
      apiKey: KEY,
      headers: { ...custom, Authorization: `Bearer ${GATEWAY_TOKEN}` },
    });
    expect((await lm.doGenerate(request)).choices[0]?.text).toBe("ok");
    expect(proxy.requests[0]?.headers).toMatchObject({
      "x-lathe-tenant": "team-a",
      authorization: `Bearer ${GATEWAY_TOKEN}`,
    });
    expect(JSON.stringify(proxy.requests[0]?.headers)).not.toContain(KEY);
  });

  it("redacts a token given as a header from errors, like the key", async () => {
    echo = createServer((incoming, response) => {
      const token = incoming.headers.authorization ?? "";
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: `Invalid token: ${token}`, type: "auth" } }));
    });
    await new Promise<void>((resolve) => echo?.listen(0, "127.0.0.1", resolve));
    const baseURL = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
    const lm = createOpenAI({
      modelId: "gpt-4o-mini",
      baseURL,
      apiKey: KEY,
      headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` },
    });
    const error = await rejectionOf(lm.doGenerate(request));
    expect(error).toMatchObject({ statusCode: 401 });
    expect(String(error)).toContain("Invalid token: [REDACTED]");
    expectNoSecret(error, GATEWAY_TOKEN);
  });
});
