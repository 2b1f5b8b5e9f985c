import { describe, expect, it } from "vitest";
import {
  ChainOfThought,
  MockLanguageModel,
  Module,
  Predict,
  signature,
  traced,
  withSettings,
} from "../src/index.js";

const Draft = signature("question -> draft");
const Refine = signature("question, draft -> answer");

class TwoStep extends Module<{ question: string }, { answer: string }> {
  readonly draft = new Predict(Draft).withDemos([{ question: "q0", draft: "d0" }]);
  readonly refine = new ChainOfThought(Refine);
  override async forward(inputs: { question: string }) {
    const { draft } = await this.draft.call(inputs);
    const { answer } = await this.refine.call({ question: inputs.question, draft });
    return { answer };
  }
}

const lm = new MockLanguageModel({
  responses: (request) =>
    request.messages[0]!.content.includes("`draft` (string)\nYour output")
      ? "[[ ## reasoning ## ]]\nbecause\n[[ ## answer ## ]]\nfinal"
      : "[[ ## draft ## ]]\nrough",
});

describe("traced", () => {
  it("records path, inputs, outputs and demosUsed for every call, in call order", async () => {
    const { result, trace } = await traced(() => new TwoStep().call({ question: "why?" }, { lm }));
    expect(result).toEqual({ answer: "final" });
    expect(trace).toEqual([
      { path: "draft", inputs: { question: "why?" }, outputs: { draft: "rough" }, demosUsed: 1 },
      {
        path: "refine.predict",
        inputs: { question: "why?", draft: "rough" },
        outputs: { reasoning: "because", answer: "final" },
        demosUsed: 0,
      },
    ]);
  });

  it("counts only the demos the prompt showed", async () => {
    const predict = new Predict(Draft).withDemos([
      { question: "q0", draft: "d0" },
      { question: "inputs only" },
      { draft: "outputs only" },
    ]);
    const { trace } = await traced(() => predict.call({ question: "q" }, { lm }));
    expect(trace[0]!.demosUsed).toBe(1);
    expect(predict.format({ question: "q" })).toHaveLength(4);
  });

  it("records only the signature's inputs", async () => {
    const predict = new Predict(Draft);
    const { trace } = await traced(() =>
      predict.call({ question: "q", id: 3 } as { question: string }, { lm }),
    );
    expect(trace).toEqual([
      { path: "self", inputs: { question: "q" }, outputs: { draft: "rough" }, demosUsed: 0 },
    ]);
  });

  it("keeps concurrent traced scopes apart", async () => {
    const program = new TwoStep();
    const [a, b] = await withSettings({ lm }, () =>
      Promise.all([
        traced(() => program.call({ question: "a" })),
        traced(() => program.call({ question: "b" })),
      ]),
    );
    expect(a.trace.map((entry) => entry.inputs.question)).toEqual(["a", "a"]);
    expect(b.trace.map((entry) => entry.inputs.question)).toEqual(["b", "b"]);
  });

  it("feeds nested scopes into every enclosing trace", async () => {
    const predict = new Predict(Draft);
    const outer = await traced(async () => {
      await predict.call({ question: "first" }, { lm });
      const inner = await traced(() => predict.call({ question: "second" }, { lm }));
      return inner.trace.map((entry) => entry.inputs.question);
    });
    expect(outer.result).toEqual(["second"]);
    expect(outer.trace.map((entry) => entry.inputs.question)).toEqual(["first", "second"]);
  });

  it("records nothing for a call that failed, and nothing outside a traced scope", async () => {
    const failing = new MockLanguageModel({ responses: "no markers" });
    const predict = new Predict(signature("q -> n: int"));
    const { trace } = await traced(async () => {
      await predict.call({ q: "x" }, { lm: failing, maxParseRetries: 0 }).catch(() => undefined);
      return undefined;
    });
    expect(trace).toEqual([]);
  });
});
