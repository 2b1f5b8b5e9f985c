import { describe, expect, it } from "vitest";
import {
  ChainOfThought,
  ChatAdapter,
  InvalidInputError,
  JsonAdapter,
  MockLanguageModel,
  Module,
  NoLanguageModelError,
  OutputParseError,
  Predict,
  signature,
  withSettings,
} from "../src/index.js";

const QA = signature("question: string, context: string[] -> answer: string, confidence: number");
const good = "[[ ## answer ## ]]\nParis\n\n[[ ## confidence ## ]]\n0.9\n\n[[ ## completed ## ]]";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe("Predict: a successful call", () => {
  it("sends the formatted prompt and returns the parsed, typed outputs", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const predict = new Predict(QA);
    const outputs = await predict.call(
      { question: "Capital of France?", context: ["France is in Europe."] },
      { lm },
    );
    expect(outputs).toEqual({ answer: "Paris", confidence: 0.9 });
    expect(lm.calls).toHaveLength(1);
  });

  it("sends temperature 0 and rollout 0 by default, and nothing else unasked", async () => {
    const lm = new MockLanguageModel({ responses: good });
    await new Predict(QA).call({ question: "q", context: [] }, { lm });
    const { messages: _messages, ...rest } = lm.calls[0]!;
    expect(rest).toEqual({ temperature: 0, rolloutId: 0 });
  });

  it("sends the settings that were asked for", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const controller = new AbortController();
    await new Predict(QA).call(
      { question: "q", context: [] },
      { lm, temperature: 0.7, rolloutId: 3, maxTokens: 256, signal: controller.signal },
    );
    const { messages: _messages, ...rest } = lm.calls[0]!;
    expect(rest).toEqual({ temperature: 0.7, rolloutId: 3, maxTokens: 256, signal: controller.signal });
  });

  it("drops input values that are not signature fields before they reach the LM", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const predict = new Predict(QA);
    const row = { question: "q", context: ["c"], id: "row-17", answer: "leak" };
    await predict.call(row, { lm });
    const sent = lm.calls[0]!.messages.map((message) => message.content).join("\n");
    expect(sent).not.toContain("row-17");
    expect(sent).not.toContain("leak");
  });
});

describe("Predict.format", () => {
  it("equals the messages actually sent, and calls no LM", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const predict = new Predict(QA).withDemos([
      { question: "Capital of Italy?", context: [], answer: "Rome", confidence: 1 },
    ]);
    const inputs = { question: "Capital of France?", context: ["France is in Europe."] };
    const formatted = predict.format(inputs, { lm });
    expect(lm.calls).toHaveLength(0);
    await predict.call(inputs, { lm });
    expect(lm.calls[0]!.messages).toEqual(formatted);
    expect(formatted.map((message) => message.role)).toEqual(["system", "user", "assistant", "user"]);
  });

  it("matches the request inside a withSettings scope, with the JSON adapter", async () => {
    const lm = new MockLanguageModel({
      responses: '{"answer": "Paris", "confidence": 0.9}',
      capabilities: { structuredOutputs: true },
    });
    const predict = new Predict(QA);
    const inputs = { question: "q", context: [] };
    await withSettings({ lm, temperature: 0.2 }, async () => {
      const expected = predict.request(inputs);
      expect(predict.format(inputs)).toEqual(new JsonAdapter().format(QA, { demos: [], inputs }));
      await predict.call(inputs);
      expect(lm.calls[0]).toEqual(expected);
      expect(expected.responseFormat).toMatchObject({ type: "json_schema", strict: true });
      expect(expected.temperature).toBe(0.2);
    });
  });

  it("works without any LM, with the chat format", () => {
    const formatted = new Predict(QA).format({ question: "q", context: ["a"] });
    expect(formatted).toEqual(
      new ChatAdapter().format(QA, { demos: [], inputs: { question: "q", context: ["a"] } }),
    );
  });

  it("validates inputs like a call does", () => {
    expect(() => new Predict(QA).format({ question: "q" } as never)).toThrow(
      "input field 'context' of predictor 'self' is missing",
    );
  });
});

describe("Predict: parse retries", () => {
  it("retries with the bad reply and the error, then raises OutputParseError with every completion", async () => {
    const lm = new MockLanguageModel({ responses: "I don't know." });
    const predict = new Predict(QA);
    const error = await rejection(predict.call({ question: "q", context: [] }, { lm, maxParseRetries: 2 }));
    expect(lm.calls).toHaveLength(3);
    expect(OutputParseError.isInstance(error)).toBe(true);
    const parseError = error as OutputParseError;
    expect(parseError.completions).toEqual(["I don't know.", "I don't know.", "I don't know."]);
    expect(parseError.completion).toBe("I don't know.");
    expect(parseError.expectedFields).toEqual(["answer", "confidence"]);
    expect(parseError.reason).toBe("the reply contains no field markers");
    expect(parseError.path).toBe("self");
    expect(parseError.finishReason).toBe("stop");
    expect(parseError.message).toBe(
      "could not parse the LM's reply at predictor 'self' after 3 attempt(s): the reply contains no field markers (expected fields: answer, confidence); check the instructions and demos, or try another adapter or model",
    );

    const [first, second, third] = lm.calls;
    const original = first!.messages;
    expect(second!.messages).toEqual([
      ...original,
      { role: "assistant", content: "I don't know." },
      new ChatAdapter().retryMessage(QA, "the reply contains no field markers"),
    ]);
    expect(second!.messages.at(-1)!.content).toContain(
      "Your previous reply could not be used: the reply contains no field markers.",
    );
    expect(third!.messages).toHaveLength(original.length + 4);
  });

  it("makes 1 + maxParseRetries calls, two retries by default", async () => {
    for (const [retries, calls] of [
      [undefined, 3],
      [0, 1],
      [4, 5],
    ] as const) {
      const lm = new MockLanguageModel({ responses: "garbage" });
      const settings = retries === undefined ? { lm } : { lm, maxParseRetries: retries };
      await expect(new Predict(QA).call({ question: "q", context: [] }, settings)).rejects.toThrow(
        OutputParseError,
      );
      expect(lm.calls).toHaveLength(calls);
    }
  });

  it("succeeds when the second attempt parses", async () => {
    const lm = new MockLanguageModel({
      responses: ["[[ ## answer ## ]]\nParis\n[[ ## confidence ## ]]\nvery", good],
    });
    const outputs = await new Predict(QA).call({ question: "q", context: [] }, { lm });
    expect(outputs).toEqual({ answer: "Paris", confidence: 0.9 });
    expect(lm.calls).toHaveLength(2);
    expect(lm.calls[1]!.messages.at(-1)!.content).toContain(
      "Your previous reply could not be used: field `confidence`: Invalid input: expected number, received string.",
    );
  });

  it("does not retry a reply cut off by the token limit", async () => {
    const lm = new MockLanguageModel({
      responses: {
        choices: [{ text: "[[ ## answer ## ]]\nPar", finishReason: "length" }],
        usage: { promptTokens: 10, completionTokens: 5 },
      },
    });
    const error = (await rejection(
      new Predict(QA).call({ question: "q", context: [] }, { lm, maxTokens: 5 }),
    )) as OutputParseError;
    expect(lm.calls).toHaveLength(1);
    expect(OutputParseError.isInstance(error)).toBe(true);
    expect(error.finishReason).toBe("length");
    expect(error.completions).toEqual(["[[ ## answer ## ]]\nPar"]);
    expect(error.message).toContain("the completion was cut off by the token limit; raise maxTokens");
  });

  it("names the nested predictor's path in the error", async () => {
    class Program extends Module<{ question: string }, { answer: string }> {
      readonly draft = new ChainOfThought(signature("question -> answer"));
      override forward(inputs: { question: string }) {
        return this.draft.call(inputs);
      }
    }
    const lm = new MockLanguageModel({ responses: "no markers here" });
    const error = (await rejection(
      new Program().call({ question: "q" }, { lm, maxParseRetries: 0 }),
    )) as OutputParseError;
    expect(error.path).toBe("draft.predict");
    expect(error.expectedFields).toEqual(["reasoning", "answer"]);
  });
});

describe("Predict: input validation", () => {
  it("names a missing field and the predictor path", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const error = (await rejection(
      new Predict(QA).call({ question: "q" } as never, { lm }),
    )) as InvalidInputError;
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.field).toBe("context");
    expect(error.path).toBe("self");
    expect(error.message).toBe("input field 'context' of predictor 'self' is missing");
    expect(lm.calls).toHaveLength(0);
  });

  it("names a field of the wrong type and the nested predictor path", async () => {
    class Program extends Module<
      { question: string; context: string[] },
      { answer: string; confidence: number }
    > {
      readonly steps = [new Predict(QA)];
      override forward(inputs: { question: string; context: string[] }) {
        return this.steps[0]!.call(inputs);
      }
    }
    const lm = new MockLanguageModel({ responses: good });
    const error = (await rejection(
      new Program().call({ question: "q", context: "not a list" } as never, { lm }),
    )) as InvalidInputError;
    expect(error.field).toBe("context");
    expect(error.path).toBe("steps[0]");
    expect(error.message).toBe(
      "input field 'context' of predictor 'steps[0]' is invalid: Invalid input: expected array, received string",
    );
    expect(lm.calls).toHaveLength(0);
  });

  it("rejects inputs that are not an object", async () => {
    const lm = new MockLanguageModel({ responses: good });
    await expect(new Predict(QA).call(null as never, { lm })).rejects.toThrow(
      "input field '(all)' of predictor 'self' must be given as an object, got null",
    );
  });

  it("accepts a missing optional input", async () => {
    const lm = new MockLanguageModel({ responses: "[[ ## answer ## ]]\nok" });
    await expect(
      new Predict(signature("question, hint?: string -> answer")).call({ question: "q" }, { lm }),
    ).resolves.toEqual({
      answer: "ok",
    });
  });
});

describe("Predict: configuration", () => {
  it("raises NoLanguageModelError when no LM is configured", async () => {
    const error = await rejection(new Predict(QA).call({ question: "q", context: [] }));
    expect(NoLanguageModelError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "predictor 'self' has no language model: wrap the call in withSettings({ lm }, ...) or pass { lm } to call()",
    );
  });

  it("per-call settings override the surrounding scope", async () => {
    const scoped = new MockLanguageModel({ responses: good, modelId: "scoped" });
    const perCall = new MockLanguageModel({ responses: good, modelId: "per-call" });
    await withSettings({ lm: scoped, temperature: 0.5 }, () =>
      new Predict(QA).call({ question: "q", context: [] }, { lm: perCall, temperature: 0.9 }),
    );
    expect(scoped.calls).toHaveLength(0);
    expect(perCall.calls[0]!.temperature).toBe(0.9);
  });

  it("the predictor's own config wins over the scope and the call", async () => {
    const scoped = new MockLanguageModel({ responses: good, modelId: "scoped" });
    const perCall = new MockLanguageModel({ responses: good, modelId: "per-call" });
    const own = new MockLanguageModel({
      responses: '{"answer": "Paris", "confidence": 0.9}',
      modelId: "own",
    });
    const predict = new Predict(QA, {
      lm: own,
      temperature: 0.3,
      adapter: new JsonAdapter(),
      maxParseRetries: 0,
    });
    const outputs = await withSettings({ lm: scoped, temperature: 0.5, maxParseRetries: 5 }, () =>
      predict.call({ question: "q", context: [] }, { lm: perCall, temperature: 0.9 }),
    );
    expect(outputs).toEqual({ answer: "Paris", confidence: 0.9 });
    expect(scoped.calls).toHaveLength(0);
    expect(perCall.calls).toHaveLength(0);
    expect(own.calls).toHaveLength(1);
    expect(own.calls[0]!.temperature).toBe(0.3);
    expect(own.calls[0]!.messages.at(-1)!.content).toContain("Reply with one JSON object, nothing else.");
  });

  it("an undefined config value does not hide the scope's", async () => {
    const lm = new MockLanguageModel({ responses: good });
    await new Predict(QA, { lm: undefined, temperature: undefined }).call(
      { question: "q", context: [] },
      { lm, temperature: 0.4 },
    );
    expect(lm.calls[0]!.temperature).toBe(0.4);
  });

  it("chooses the JSON adapter for LMs with structured outputs, the chat adapter otherwise", async () => {
    const structured = new MockLanguageModel({
      responses: '{"answer": "a", "confidence": 1}',
      capabilities: { structuredOutputs: true },
    });
    const plain = new MockLanguageModel({ responses: good });
    await new Predict(QA).call({ question: "q", context: [] }, { lm: structured });
    await new Predict(QA).call({ question: "q", context: [] }, { lm: plain });
    expect(structured.calls[0]!.responseFormat).toMatchObject({ type: "json_schema", name: "outputs" });
    expect(plain.calls[0]!.responseFormat).toBeUndefined();
    expect(plain.calls[0]!.messages[0]!.content).toContain("[[ ## completed ## ]]");
  });
});

describe("Predict: state", () => {
  it("withInstructions and withDemos return configured copies", async () => {
    const lm = new MockLanguageModel({ responses: good });
    const base = new Predict(QA);
    const tuned = base
      .withInstructions("Answer tersely.")
      .withDemos([{ question: "x", context: [], answer: "y" }]);
    expect(base.instructions).toBe("");
    expect(base.demos).toEqual([]);
    expect(tuned.instructions).toBe("Answer tersely.");
    expect(tuned.demos).toEqual([{ question: "x", context: [], answer: "y" }]);
    await tuned.call({ question: "q", context: [] }, { lm });
    await base.call({ question: "q", context: [] }, { lm });
    expect(lm.calls[0]!.messages[0]!.content.startsWith("Answer tersely.\n")).toBe(true);
    expect(lm.calls[0]!.messages).toHaveLength(4);
    expect(lm.calls[1]!.messages[0]!.content.startsWith("Given the fields")).toBe(true);
    expect(lm.calls[1]!.messages).toHaveLength(2);
  });

  it("ChainOfThought asks for reasoning first and returns it", async () => {
    const lm = new MockLanguageModel({
      responses:
        "[[ ## reasoning ## ]]\nIt is the capital.\n[[ ## answer ## ]]\nParis\n[[ ## confidence ## ]]\n1",
    });
    const cot = new ChainOfThought(QA);
    expect(cot.predict.signature.outputFields.map((field) => field.name)).toEqual([
      "reasoning",
      "answer",
      "confidence",
    ]);
    expect(cot.inputFields).toEqual(["question", "context"]);
    const outputs = await cot.call({ question: "q", context: [] }, { lm });
    expect(outputs).toEqual({ reasoning: "It is the capital.", answer: "Paris", confidence: 1 });
    expect(lm.calls[0]!.messages[0]!.content).toContain(
      "1. `reasoning` (string): Think step by step before answering; explain how you reach the outputs.",
    );
  });
});
