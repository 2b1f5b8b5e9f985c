import { describe, expect, it } from "vitest";
import { type GenerateRequest, type GenerateResult, MockLanguageModel } from "../src/index.js";

const ask = (content: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [{ role: "user", content }],
  temperature: 0,
  ...extra,
});

const textOf = (result: GenerateResult) => result.choices.map((choice) => choice.text);

describe("the LanguageModel spec", () => {
  it("is types only: its module exports nothing at run time", async () => {
    const spec = await import("../src/lm/language-model.js");
    expect(Object.keys(spec)).toEqual([]);
  });
});

describe("MockLanguageModel", () => {
  it("implements spec v1 with documented defaults", () => {
    const lm = new MockLanguageModel({ responses: "x" });
    expect(lm.specificationVersion).toBe("v1");
    expect([lm.provider, lm.modelId]).toEqual(["mock", "mock-model"]);
    expect(lm.capabilities).toEqual({ structuredOutputs: false, multipleChoices: true, seed: true });
    const custom = new MockLanguageModel({
      responses: "x",
      provider: "p",
      modelId: "m",
      capabilities: { structuredOutputs: true },
    });
    expect([custom.provider, custom.modelId, custom.capabilities.structuredOutputs]).toEqual([
      "p",
      "m",
      true,
    ]);
  });

  it("records every request it receives, in order", async () => {
    const lm = new MockLanguageModel({ responses: "x" });
    const first = ask("one");
    const second = ask("two", { temperature: 0.5, stop: ["\n"] });
    await lm.doGenerate(first);
    await lm.doGenerate(second);
    expect(lm.calls).toEqual([first, second]);
    expect(lm.calls[1]).toBe(second);
  });

  it("answers a text with n stopped choices and an estimated usage", async () => {
    const lm = new MockLanguageModel({ responses: "12345678" });
    const result = await lm.doGenerate(ask("abcd", { n: 2 }));
    expect(result).toEqual({
      choices: [
        { text: "12345678", finishReason: "stop" },
        { text: "12345678", finishReason: "stop" },
      ],
      usage: { promptTokens: 1, completionTokens: 2 },
    });
  });

  it("returns a scripted result as given", async () => {
    const scripted: GenerateResult = {
      choices: [{ text: "cut", finishReason: "length" }],
      usage: { promptTokens: 7, completionTokens: 9 },
      warnings: ["seed ignored"],
    };
    const lm = new MockLanguageModel({ responses: scripted });
    expect(await lm.doGenerate(ask("q"))).toEqual(scripted);
  });

  it("consumes a list of responses in order, repeating the last", async () => {
    const lm = new MockLanguageModel({ responses: ["first", "second", "last"] });
    const texts: string[][] = [];
    for (let index = 0; index < 5; index++) texts.push(textOf(await lm.doGenerate(ask(`q${index}`))));
    expect(texts).toEqual([["first"], ["second"], ["last"], ["last"], ["last"]]);
  });

  it("calls a function with the request and the call index, sync or async", async () => {
    const seen: Array<[string, number]> = [];
    const lm = new MockLanguageModel({
      responses: [
        (request, callIndex) => {
          seen.push([request.messages[0]!.content, callIndex]);
          return `sync ${callIndex}`;
        },
        async (_request, callIndex) => `async ${callIndex}`,
      ],
    });
    const results = [await lm.doGenerate(ask("a")), await lm.doGenerate(ask("b"))];
    expect(results.map(textOf)).toEqual([["sync 0"], ["async 1"]]);
    expect(seen).toEqual([["a", 0]]);
  });

  it("rejects an empty list of responses", async () => {
    const lm = new MockLanguageModel({ responses: [] });
    await expect(lm.doGenerate(ask("q"))).rejects.toThrow("empty list of responses");
    expect(lm.calls).toHaveLength(1);
  });

  it("waits latencyMs and reports how many calls overlapped", async () => {
    const lm = new MockLanguageModel({ responses: "x", latencyMs: 20 });
    await Promise.all([lm.doGenerate(ask("a")), lm.doGenerate(ask("b")), lm.doGenerate(ask("c"))]);
    // Without the wait each call would finish before the next one starts.
    expect(lm.maxConcurrency).toBe(3);
    const instant = new MockLanguageModel({ responses: "x" });
    await Promise.all([instant.doGenerate(ask("a")), instant.doGenerate(ask("b"))]);
    expect(instant.maxConcurrency).toBe(1);

    const sequential = new MockLanguageModel({ responses: "x", latencyMs: 1 });
    await sequential.doGenerate(ask("a"));
    await sequential.doGenerate(ask("b"));
    expect(sequential.maxConcurrency).toBe(1);
  });

  it("stops waiting when the request's signal aborts", async () => {
    const lm = new MockLanguageModel({ responses: "x", latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = lm.doGenerate(ask("q", { signal: controller.signal }));
    controller.abort(new Error("cancelled"));
    await expect(pending).rejects.toThrow("cancelled");
    const aborted = AbortSignal.abort(new Error("already"));
    await expect(lm.doGenerate(ask("q", { signal: aborted }))).rejects.toThrow("already");
  });
});
