import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { AxAIOpenAI, AxAIOpenAIModel } from "@ax-llm/ax";
import { APICallError, type GenerateRequest, TimeoutError } from "@lathe/core";
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { axLanguageModel } from "../../src/ax/index.js";
import { mockModel, rejectionOf, startTestServer } from "../server/harness.js";

const KEY = "sk-lathe-ax-0123456789abcdef";
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

let home: string;
let consoleSpies: MockInstance[] = [];

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "lathe-ax-home-"));
  vi.stubEnv("HOME", home);
  vi.stubEnv("USERPROFILE", home);
  expect(homedir()).toBe(home);
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

afterEach(() => {
  // Ax stays quiet and writes nothing into the home directory.
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  for (const spy of consoleSpies) spy.mockRestore();
  consoleSpies = [];
  expect(readdirSync(home)).toEqual([]);
});

function spyOnConsole(): void {
  consoleSpies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
}

function openAIService(apiURL: string, options: { maxRetries?: number } = {}) {
  spyOnConsole();
  return new AxAIOpenAI({
    apiKey: KEY,
    apiURL,
    config: { model: AxAIOpenAIModel.GPT4OMini },
    options: { retry: { maxRetries: options.maxRetries ?? 0, initialDelayMs: 1 } },
  });
}

const conversation = (extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [
    { role: "system", content: "Route support tickets." },
    { role: "user", content: "Ticket: my card was charged twice" },
    { role: "assistant", content: "billing" },
    { role: "user", content: "Ticket: the app crashes on start" },
  ],
  temperature: 0,
  ...extra,
});

describe("axLanguageModel", () => {
  it("round-trips a chat through Ax's OpenAI service", async () => {
    const lm = mockModel({
      choices: [{ text: "technical", finishReason: "stop" }],
      usage: { promptTokens: 30, completionTokens: 1 },
    });
    const server = await startTestServer({ model: lm, apiKey: KEY });
    const model = axLanguageModel(openAIService(server.url), { model: "gpt-4o-mini" });
    expect(model).toMatchObject({
      specificationVersion: "v1",
      provider: "ax:openai",
      modelId: "gpt-4o-mini",
      capabilities: { structuredOutputs: true, multipleChoices: false, seed: false },
    });
    expect(inspect(model, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(model)).not.toContain(KEY);
    const result = await model.doGenerate(conversation({ temperature: 0.4, maxTokens: 20, stop: ["\n"] }));
    expect(result).toEqual({
      choices: [{ text: "technical", finishReason: "stop" }],
      usage: { promptTokens: 30, completionTokens: 1 },
    });
    expect(lm.calls[0]).toMatchObject({
      messages: conversation().messages,
      temperature: 0.4,
      maxTokens: 20,
      stop: ["\n"],
    });
  });

  it("sends a structured-output schema through Ax and returns the JSON", async () => {
    const schema = {
      type: "object",
      properties: { queue: { type: "string", enum: ["billing", "technical"] } },
      required: ["queue"],
      additionalProperties: false,
    };
    const lm = mockModel((request) =>
      request.responseFormat?.type === "json_schema" ? JSON.stringify({ queue: "technical" }) : "plain",
    );
    const server = await startTestServer({ model: lm });
    const model = axLanguageModel(openAIService(server.url), { model: "gpt-4o-mini" });
    const result = await model.doGenerate(
      conversation({ responseFormat: { type: "json_schema", name: "triage", schema, strict: true } }),
    );
    expect(lm.calls[0]?.responseFormat).toEqual({
      type: "json_schema",
      name: "triage",
      schema,
      strict: true,
    });
    expect(JSON.parse(result.choices[0]?.text ?? "")).toEqual({ queue: "technical" });
  });

  it("asks for n choices when told the service supports them, and warns about seed", async () => {
    const lm = mockModel((request) => ({
      choices: Array.from({ length: request.n ?? 1 }, (_, index) => ({
        text: `draft ${index}`,
        finishReason: "stop" as const,
      })),
      usage: { promptTokens: 1, completionTokens: 2 },
    }));
    const server = await startTestServer({ model: lm });
    const model = axLanguageModel(openAIService(server.url), {
      model: "gpt-4o-mini",
      capabilities: { multipleChoices: true },
    });
    const result = await model.doGenerate(conversation({ n: 2, seed: 5, temperature: 1 }));
    expect(result.choices.map((choice) => choice.text)).toEqual(["draft 0", "draft 1"]);
    expect(result.warnings).toEqual([expect.stringContaining("seed")]);
    expect(lm.calls[0]).toMatchObject({ n: 2 });
    expect(lm.calls[0]?.seed).toBeUndefined();
  });

  it("reports finish reason length", async () => {
    const server = await startTestServer({ model: mockModel("a long answer that gets cut") });
    server.failNext({ kind: "length" });
    const result = await axLanguageModel(openAIService(server.url)).doGenerate(conversation());
    expect(result.choices).toEqual([{ text: "a long answer", finishReason: "length" }]);
  });

  it("maps Ax status errors to APICallError", async () => {
    const server = await startTestServer({ model: mockModel() });
    server.failNext({ kind: "status", status: 400 });
    const error = await rejectionOf(
      axLanguageModel(openAIService(server.url), { model: "gpt-4o-mini" }).doGenerate(conversation()),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: "ax:openai", statusCode: 400, isRetryable: false, retries: 0 });
    expect(String(error)).not.toContain(KEY);
  });

  it("leaves retries to Ax and reports how many it made", async () => {
    const server = await startTestServer({ model: mockModel() });
    server.failNext({ kind: "status", status: 503 }, 5);
    const error = await rejectionOf(
      axLanguageModel(openAIService(server.url, { maxRetries: 2 })).doGenerate(conversation()),
    );
    expect(error).toMatchObject({ statusCode: 503, isRetryable: true, retries: 2 });
    expect(server.stats.requests).toBe(3);
  });

  it("rejects with the signal's reason when aborted mid-flight", async () => {
    const server = await startTestServer({ model: mockModel("never", 30_000) });
    const controller = new AbortController();
    const pending = axLanguageModel(openAIService(server.url)).doGenerate(
      conversation({ signal: controller.signal }),
    );
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1));
    const reason = new Error("cancelled");
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    await vi.waitFor(() => expect(server.stats.disconnected).toBe(1));
  });

  it("throws TimeoutError past timeoutMs", async () => {
    const server = await startTestServer({ model: mockModel("late", 30_000) });
    const model = axLanguageModel(openAIService(server.url), { model: "gpt-4o-mini", timeoutMs: 50 });
    const error = await rejectionOf(model.doGenerate(conversation()));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: "ax:openai", modelId: "gpt-4o-mini", timeoutMs: 50 });
  });
});
