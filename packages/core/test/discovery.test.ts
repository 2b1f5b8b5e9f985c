import { describe, expect, it } from "vitest";
import {
  ChainOfThought,
  discoverPredictors,
  MockLanguageModel,
  Module,
  Predict,
  signature,
  traced,
} from "../src/index.js";

const Step = signature("question -> answer");

class Retrieve extends Module<{ question: string }, { answer: string }> {
  readonly query = new Predict(signature("question -> query"));
  override async forward(inputs: { question: string }) {
    const { query } = await this.query.call(inputs);
    return { answer: query };
  }
}

class Pipeline extends Module<{ question: string }, { answer: string }> {
  readonly retrieve = new Retrieve();
  readonly hops = [new Predict(Step), new Predict(Step)];
  readonly answer = new ChainOfThought(Step);
  readonly experts = new Map<string, Predict<typeof Step>>([
    ["math", new Predict(Step)],
    ["two words", new Predict(Step)],
  ]);
  readonly byLanguage: Record<string, Predict<typeof Step>> = {
    en: new Predict(Step),
    "pt-BR": new Predict(Step),
  };
  readonly nested = { inner: { deep: [new Predict(Step)] } };
  readonly notes = "a plain string";
  readonly config = { retries: 2 };

  override async forward(inputs: { question: string }) {
    await this.retrieve.call(inputs);
    for (const hop of this.hops) await hop.call(inputs);
    await this.experts.get("two words")!.call(inputs);
    await this.byLanguage["pt-BR"]!.call(inputs);
    await this.nested.inner.deep[0]!.call(inputs);
    const { answer } = await this.answer.call(inputs);
    return { answer };
  }
}

const expectedPaths = [
  "retrieve.query",
  "hops[0]",
  "hops[1]",
  "answer.predict",
  "experts.math",
  'experts["two words"]',
  "byLanguage.en",
  'byLanguage["pt-BR"]',
  "nested.inner.deep[0]",
];

describe("predictor discovery", () => {
  it("lists every predictor with a stable dotted path, in declaration order", () => {
    const program = new Pipeline();
    expect(program.namedPredictors().map(([path]) => path)).toEqual(expectedPaths);
    expect(program.namedPredictors()[1]![1]).toBe(program.hops[0]);
    expect(program.namedPredictors()[3]![1]).toBe(program.answer.predict);
  });

  it("names a root Predict `self`", () => {
    const predict = new Predict(Step);
    expect(predict.namedPredictors()).toEqual([["self", predict]]);
    expect(discoverPredictors(predict)).toEqual([["self", predict]]);
  });

  it("names the inner predictor of a root ChainOfThought `predict`", () => {
    const cot = new ChainOfThought(Step);
    expect(cot.namedPredictors()).toEqual([["predict", cot.predict]]);
  });

  it("lists a shared predictor once, under its first path", () => {
    class Shared extends Module {
      readonly first = new Predict(Step);
      readonly again = this.first;
      readonly list = [this.first, new Predict(Step)];
      override async forward() {
        return {};
      }
    }
    const program = new Shared();
    expect(program.namedPredictors().map(([path]) => path)).toEqual(["first", "list[1]"]);
  });

  it("does not depend on attribute assignment tricks: the same class always gives the same paths", () => {
    const paths = () => new Pipeline().namedPredictors().map(([path]) => path);
    expect(paths()).toEqual(paths());
  });

  it("gives the same paths on clones and withState copies", () => {
    const program = new Pipeline();
    const clone = program.clone();
    const configured = program.withState({ "hops[1]": { instructions: "Hop.", demos: [] } });
    expect(clone.namedPredictors().map(([path]) => path)).toEqual(expectedPaths);
    expect(configured.namedPredictors().map(([path]) => path)).toEqual(expectedPaths);
    for (const [index, [, predictor]] of clone.namedPredictors().entries()) {
      expect(predictor).not.toBe(program.namedPredictors()[index]![1]);
    }
  });

  it("survives cycles through plain objects and module back-references", () => {
    class Cyclic extends Module {
      readonly step = new Predict(Step);
      readonly graph: Record<string, unknown> = {};
      parent: Module | undefined;
      override async forward() {
        return {};
      }
    }
    const program = new Cyclic();
    program.graph.self = program.graph;
    program.graph.step = program.step;
    program.parent = program;
    expect(program.namedPredictors().map(([path]) => path)).toEqual(["step"]);
    expect(
      program
        .clone()
        .namedPredictors()
        .map(([path]) => path),
    ).toEqual(["step"]);
  });

  it("records calls under the same paths at run time", async () => {
    const lm = new MockLanguageModel({
      responses: (request) =>
        request.messages[0]!.content.includes("`query`")
          ? "[[ ## query ## ]]\nq"
          : "[[ ## reasoning ## ]]\nr\n[[ ## answer ## ]]\na",
    });
    const program = new Pipeline();
    const { trace } = await traced(() => program.call({ question: "q" }, { lm }));
    expect(trace.map((entry) => entry.path)).toEqual([
      "retrieve.query",
      "hops[0]",
      "hops[1]",
      'experts["two words"]',
      'byLanguage["pt-BR"]',
      "nested.inner.deep[0]",
      "answer.predict",
    ]);
    const { trace: copyTrace } = await traced(() => program.clone().call({ question: "q" }, { lm }));
    expect(copyTrace.map((entry) => entry.path)).toEqual(trace.map((entry) => entry.path));
  });
});
