import { describe, expect, it } from "vitest";
import {
  ChainOfThought,
  MockLanguageModel,
  Module,
  Predict,
  type ProgramState,
  ProgramStateError,
  signature,
} from "../src/index.js";

const Step = signature("question -> answer", "Answer the question.");

class Program extends Module<{ question: string }, { answer: string }> {
  readonly draft = new Predict(Step);
  readonly hops = [new Predict(Step), new Predict(Step)];
  readonly final = new ChainOfThought(Step);

  override async forward(inputs: { question: string }) {
    await this.draft.call(inputs);
    const { answer } = await this.final.call(inputs);
    return { answer };
  }
}

const fullState: ProgramState = {
  draft: { instructions: "Draft tersely.", demos: [{ question: "1+1?", answer: "2" }] },
  "hops[0]": { instructions: "Hop 0.", demos: [] },
  "hops[1]": { instructions: "Hop 1.", demos: [{ question: "q", answer: "a", extra: { nested: [1, 2] } }] },
  "final.predict": {
    instructions: "Reason, then answer.",
    demos: [{ question: "q", reasoning: "r", answer: "a" }],
  },
};

function errorOf(fn: () => unknown): ProgramStateError {
  try {
    fn();
  } catch (error) {
    if (ProgramStateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ProgramStateError");
}

describe("Module.state", () => {
  it("is plain JSON keyed by predictor path", () => {
    const state = new Program().state();
    expect(state).toEqual({
      draft: { instructions: "Answer the question.", demos: [] },
      "hops[0]": { instructions: "Answer the question.", demos: [] },
      "hops[1]": { instructions: "Answer the question.", demos: [] },
      "final.predict": { instructions: "Answer the question.", demos: [] },
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("round-trips a configured state through JSON", () => {
    const configured = new Program().withState(fullState);
    const state = configured.state();
    expect(state).toEqual(fullState);
    const reloaded = new Program().withState(JSON.parse(JSON.stringify(state)) as ProgramState);
    expect(reloaded.state()).toEqual(fullState);
  });

  it("hands out copies: editing the returned state changes nothing", () => {
    const program = new Program().withState(fullState);
    const state = program.state() as unknown as Record<string, { demos: Array<Record<string, unknown>> }>;
    state.draft!.demos[0]!.answer = "tampered";
    state.draft!.demos.push({ question: "x", answer: "y" });
    expect(program.state()).toEqual(fullState);
  });
});

describe("Module.withState", () => {
  it("returns an independent copy and never mutates the original", () => {
    const original = new Program();
    const before = structuredClone(original.state());
    const copy = original.withState(fullState);
    expect(copy).not.toBe(original);
    expect(copy).toBeInstanceOf(Program);
    expect(copy.draft).not.toBe(original.draft);
    expect(copy.hops).not.toBe(original.hops);
    expect(copy.final.predict).not.toBe(original.final.predict);
    expect(original.state()).toEqual(before);
    expect(copy.state()).toEqual(fullState);
  });

  it("the copy calls with the new instructions and demos; the original keeps the old", async () => {
    const lm = new MockLanguageModel({ responses: "[[ ## reasoning ## ]]\nr\n[[ ## answer ## ]]\na" });
    const original = new Program();
    const copy = original.withState(fullState);
    await copy.call({ question: "q" }, { lm });
    await original.call({ question: "q" }, { lm });
    const systemOf = (index: number) => lm.calls[index]!.messages[0]!.content.split("\n")[0];
    expect([systemOf(0), systemOf(1), systemOf(2), systemOf(3)]).toEqual([
      "Draft tersely.",
      "Reason, then answer.",
      "Answer the question.",
      "Answer the question.",
    ]);
    expect(lm.calls.map((call) => call.messages.length)).toEqual([4, 4, 2, 2]);
  });

  it("copies the given state, so later edits to it do not leak in", () => {
    const state = structuredClone(fullState) as unknown as Record<
      string,
      { instructions: string; demos: Array<Record<string, unknown>> }
    >;
    const copy = new Program().withState(state);
    state.draft!.instructions = "changed";
    state.draft!.demos.push({ question: "x", answer: "y" });
    expect(copy.state().draft).toEqual(fullState.draft);
  });

  it("accepts a partial state and leaves other predictors as they were", () => {
    const base = new Program().withState(fullState);
    const partial = base.withState({ "hops[0]": { instructions: "Only hop 0.", demos: [] } });
    expect(partial.state()).toEqual({ ...fullState, "hops[0]": { instructions: "Only hop 0.", demos: [] } });
    expect(base.state()).toEqual(fullState);
    expect(new Program().withState({}).state()).toEqual(new Program().state());
  });

  it("rejects unknown paths, listing the known ones", () => {
    const error = errorOf(() =>
      new Program().withState({
        "hops[2]": { instructions: "", demos: [] },
        answer: { instructions: "", demos: [] },
      }),
    );
    expect(error.name).toBe("LatheProgramStateError");
    expect(error.message).toBe(
      "the state names predictor(s) hops[2], answer that the program does not have; its predictors are draft, hops[0], hops[1], final.predict",
    );
  });

  it.each([
    ["no instructions", { demos: [] }],
    ["instructions not a string", { instructions: 3, demos: [] }],
    ["demos not a list", { instructions: "", demos: {} }],
    ["a state that is not an object", "draft"],
    ["null", null],
  ])("rejects an invalid predictor state: %s", (_label, predictorState) => {
    const error = errorOf(() => new Program().withState({ draft: predictorState } as never));
    expect(error.message).toBe(
      "invalid state for predictor 'draft': a predictor state needs { instructions: string, demos: object[] }",
    );
  });

  it.each([
    ["a string", "demo"],
    ["null", null],
    ["an array", [["q", "a"]]],
  ])("rejects a demo that is %s", (_label, demo) => {
    const error = errorOf(() =>
      new Program().withState({ draft: { instructions: "", demos: [demo] } } as never),
    );
    expect(error.message).toBe(
      "invalid state for predictor 'draft': every demo must be an object of field values",
    );
  });

  it("a root Predict is configured under `self`", () => {
    const predict = new Predict(Step);
    const copy = predict.withState({
      self: { instructions: "Be brief.", demos: [{ question: "q", answer: "a" }] },
    });
    expect(copy.state()).toEqual({
      self: { instructions: "Be brief.", demos: [{ question: "q", answer: "a" }] },
    });
    expect(predict.state()).toEqual({ self: { instructions: "Answer the question.", demos: [] } });
    expect(() => predict.withState({ draft: { instructions: "", demos: [] } })).toThrow(
      "the state names predictor(s) draft that the program does not have; its predictors are self",
    );
  });

  it("a clone is independent as well", () => {
    const original = new Program().withState(fullState);
    const clone = original.clone();
    const reconfigured = clone.withState({ draft: { instructions: "Clone.", demos: [] } });
    expect(original.state()).toEqual(fullState);
    expect(clone.state()).toEqual(fullState);
    expect(reconfigured.state().draft).toEqual({ instructions: "Clone.", demos: [] });
  });
});
