import type { GenerateRequest } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { createOpenAI, type OpenAIOptions } from "../../src/openai/index.js";
import { mockModel, startTestServer } from "../server/harness.js";

const KEY = "sk-lathe-round-trip-0123456789";

/** A fetch that records every JSON body the openai client sends. */
function recordingFetch(): { fetch: typeof fetch; bodies: Record<string, unknown>[] } {
  const bodies: Record<string, unknown>[] = [];
  const recording: typeof fetch = (input, init) => {
    if (typeof init?.body === "string") bodies.push(JSON.parse(init.body) as Record<string, unknown>);
    return fetch(input, init);
  };
  return { fetch: recording, bodies };
}

function model(baseURL: string, options: Partial<OpenAIOptions> = {}) {
  return createOpenAI({ modelId: "gpt-4o-mini", baseURL, apiKey: KEY, ...options });
}

const ask = (content: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [
    { role: "system", content: "You answer questions." },
    { role: "user", content },
  ],
  temperature: 0,
  ...extra,
});

describe("OpenAILanguageModel: round trips through the openai client", () => {
  it("sends the request and maps the completion", async () => {
    const lm = mockModel({
      choices: [{ text: "Paris", finishReason: "stop" }],
      usage: { promptTokens: 21, completionTokens: 2 },
    });
    const server = await startTestServer({ model: lm, apiKey: KEY });
    const recorder = recordingFetch();
    const backend = model(server.url, { fetch: recorder.fetch });
    expect(backend).toMatchObject({
      specificationVersion: "v1",
      provider: "openai",
      modelId: "gpt-4o-mini",
      capabilities: { structuredOutputs: true, multipleChoices: true, seed: true },
    });
    const result = await backend.doGenerate(
      ask("Capital of France?", { temperature: 0.2, maxTokens: 50, seed: 9, stop: ["\n\n"], rolloutId: 3 }),
    );
    expect(result).toEqual({
      choices: [{ text: "Paris", finishReason: "stop" }],
      usage: { promptTokens: 21, completionTokens: 2 },
      retries: 0,
    });
    expect(recorder.bodies).toEqual([
      {
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: "You answer questions." },
          { role: "user", content: "Capital of France?" },
        ],
        temperature: 0.2,
        max_tokens: 50,
        seed: 9,
        stop: ["\n\n"],
      },
    ]);
    expect(lm.calls[0]).toMatchObject({ temperature: 0.2, maxTokens: 50, seed: 9, stop: ["\n\n"] });
    expect(lm.calls[0]?.rolloutId).toBeUndefined();
  });

  it("round-trips a structured output: the json_schema reaches the model and JSON comes back", async () => {
    const schema = {
      type: "object",
      properties: { queue: { type: "string", enum: ["billing", "technical"] }, urgent: { type: "boolean" } },
      required: ["queue", "urgent"],
      additionalProperties: false,
    };
    const lm = mockModel((request) =>
      request.responseFormat?.type === "json_schema"
        ? JSON.stringify({ queue: "billing", urgent: true })
        : "no schema",
    );
    const server = await startTestServer({ model: lm });
    const recorder = recordingFetch();
    const result = await model(server.url, { fetch: recorder.fetch }).doGenerate(
      ask("I was charged twice", {
        responseFormat: { type: "json_schema", name: "triage", schema, strict: true },
      }),
    );
    expect(lm.calls[0]?.responseFormat).toEqual({
      type: "json_schema",
      name: "triage",
      schema,
      strict: true,
    });
    expect(recorder.bodies[0]?.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "triage", schema, strict: true },
    });
    expect(JSON.parse(result.choices[0]?.text ?? "")).toEqual({ queue: "billing", urgent: true });
  });

  it("returns n choices in index order", async () => {
    const lm = mockModel((request) => ({
      choices: Array.from({ length: request.n ?? 1 }, (_, index) => ({
        text: `sample ${index}`,
        finishReason: "stop" as const,
      })),
      usage: { promptTokens: 5, completionTokens: 6 },
    }));
    const server = await startTestServer({ model: lm });
    const result = await model(server.url).doGenerate(ask("Name a colour", { n: 3, temperature: 1 }));
    expect(lm.calls[0]?.n).toBe(3);
    expect(result.choices.map((choice) => choice.text)).toEqual(["sample 0", "sample 1", "sample 2"]);
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 6 });
  });

  it("reports finish reason length, from the model and from a truncating server", async () => {
    const lm = mockModel([
      {
        choices: [{ text: "The answer is", finishReason: "length" }],
        usage: { promptTokens: 1, completionTokens: 3 },
      },
      "The answer is forty-two",
    ]);
    const server = await startTestServer({ model: lm });
    const backend = model(server.url);
    expect((await backend.doGenerate(ask("q", { maxTokens: 3 }))).choices).toEqual([
      { text: "The answer is", finishReason: "length" },
    ]);
    server.failNext({ kind: "length" });
    expect((await backend.doGenerate(ask("q"))).choices).toEqual([
      { text: "The answer ", finishReason: "length" },
    ]);
  });

  it("reports usage as 0 when the server sends none, and sends max_completion_tokens on request", async () => {
    const recorder = recordingFetch();
    const withoutUsage: typeof fetch = async (input, init) => {
      const response = await recorder.fetch(input, init);
      const body = (await response.json()) as Record<string, unknown>;
      delete body.usage;
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: { "content-type": "application/json" },
      });
    };
    const server = await startTestServer({ model: mockModel("ok") });
    const backend = model(server.url, { maxTokensParameter: "max_completion_tokens", fetch: withoutUsage });
    const result = await backend.doGenerate(ask("q", { maxTokens: 12 }));
    expect(result.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
    expect(recorder.bodies[0]).toMatchObject({ max_completion_tokens: 12 });
    expect(recorder.bodies[0]).not.toHaveProperty("max_tokens");
    expect(server.stats.requests).toBe(1);
  });

  it("drops settings beyond the capabilities with a warning instead of failing", async () => {
    const lm = mockModel("ok");
    const server = await startTestServer({ model: lm });
    const backend = model(server.url, {
      capabilities: { seed: false, multipleChoices: false, structuredOutputs: false },
    });
    const result = await backend.doGenerate(
      ask("q", {
        seed: 1,
        n: 2,
        responseFormat: { type: "json_schema", name: "x", schema: {}, strict: true },
      }),
    );
    expect(result.warnings).toEqual([
      expect.stringContaining("n=2"),
      expect.stringContaining("seed"),
      expect.stringContaining("structured outputs"),
    ]);
    expect(lm.calls[0]?.seed).toBeUndefined();
    expect(lm.calls[0]?.n).toBeUndefined();
    expect(lm.calls[0]?.responseFormat).toBeUndefined();
  });
});
