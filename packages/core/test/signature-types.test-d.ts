import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  ChainOfThought,
  type InferInputs,
  type InferOutputs,
  type InferProgramInputs,
  type InferProgramOutputs,
  Module,
  Predict,
  type PredictDemo,
  signature,
} from "../src/index.js";

describe("builder form", () => {
  const Triage = signature("Route a support ticket.")
    .input("ticket", z.string().describe("the customer's message"))
    .output("queue", z.enum(["billing", "technical", "account"]))
    .output("urgent", z.boolean());

  it("infers inputs and outputs from the zod schemas", () => {
    expectTypeOf<InferInputs<typeof Triage>>().toEqualTypeOf<{ ticket: string }>();
    expectTypeOf<InferOutputs<typeof Triage>>().toEqualTypeOf<{
      queue: "billing" | "technical" | "account";
      urgent: boolean;
    }>();
  });

  it("makes a field optional when its schema accepts undefined", () => {
    const Optional = signature("").input("query", z.string()).output("note", z.string().optional());
    expectTypeOf<InferOutputs<typeof Optional>>().toEqualTypeOf<{ note?: string | undefined }>();
  });

  it("types prepend and append by role", () => {
    const Edited = Triage.prepend("output", "reasoning", z.string()).append(
      "input",
      "context",
      z.array(z.string()),
    );
    expectTypeOf<InferInputs<typeof Edited>>().toEqualTypeOf<{ ticket: string; context: string[] }>();
    expectTypeOf<InferOutputs<typeof Edited>>().toEqualTypeOf<{
      reasoning: string;
      queue: "billing" | "technical" | "account";
      urgent: boolean;
    }>();
  });

  it("keeps the types through withInstructions and withFieldDescription", () => {
    const Edited = Triage.withInstructions("Route it.").withFieldDescription("queue", "where it goes");
    expectTypeOf(Edited).toEqualTypeOf(Triage);
    // @ts-expect-error: no such field
    Triage.withFieldDescription("nope", "x");
  });
});

describe("shorthand form", () => {
  it("infers exactly the declared types", () => {
    const QA = signature("question: string, context: string[] -> answer: string, confidence: number");
    expectTypeOf<InferInputs<typeof QA>>().toEqualTypeOf<{ question: string; context: string[] }>();
    expectTypeOf<InferOutputs<typeof QA>>().toEqualTypeOf<{ answer: string; confidence: number }>();
  });

  it("maps every type name", () => {
    const All = signature(
      "a: str, b: float, c: int, d: integer, e: bool, f: boolean, g, h: number[], i: enum(x|y|z) -> out",
    );
    expectTypeOf<InferInputs<typeof All>>().toEqualTypeOf<{
      a: string;
      b: number;
      c: number;
      d: number;
      e: boolean;
      f: boolean;
      g: string;
      h: number[];
      i: "x" | "y" | "z";
    }>();
    expectTypeOf<InferOutputs<typeof All>>().toEqualTypeOf<{ out: string }>();
  });

  it("turns an enum into a union of literals, whitespace ignored", () => {
    const Label = signature("text -> label: enum( positive | negative |neutral )");
    expectTypeOf<InferOutputs<typeof Label>>().toEqualTypeOf<{
      label: "positive" | "negative" | "neutral";
    }>();
  });

  it("makes `name?:` an optional key", () => {
    const WithNote = signature("question -> answer: string, note?: string, tags ?: string[]");
    expectTypeOf<InferOutputs<typeof WithNote>>().toEqualTypeOf<{
      answer: string;
      note?: string;
      tags?: string[];
    }>();
  });

  it("tolerates whitespace and newlines", () => {
    const Spaced = signature(`
      question :  string ,
      context: string [] ->
      answer:int
    `);
    expectTypeOf<InferInputs<typeof Spaced>>().toEqualTypeOf<{ question: string; context: string[] }>();
    expectTypeOf<InferOutputs<typeof Spaced>>().toEqualTypeOf<{ answer: number }>();
  });

  it("has no inputs when nothing precedes the arrow", () => {
    const Generate = signature("-> poem: string");
    expectTypeOf<InferInputs<typeof Generate>>().toEqualTypeOf<Record<never, never>>();
    expectTypeOf<InferOutputs<typeof Generate>>().toEqualTypeOf<{ poem: string }>();
  });

  it("treats a non-literal string as instructions for the builder form", () => {
    const instructions: string = process.env.INSTRUCTIONS ?? "Answer.";
    const Built = signature(instructions).input("question", z.string()).output("answer", z.number());
    expectTypeOf<InferInputs<typeof Built>>().toEqualTypeOf<{ question: string }>();
    expectTypeOf<InferOutputs<typeof Built>>().toEqualTypeOf<{ answer: number }>();
  });
});

describe("predictors and programs", () => {
  const QA = signature("question: string, context: string[] -> answer: string, confidence: number");

  it("types predict.call() inputs and outputs", () => {
    const predict = new Predict(QA);
    expectTypeOf(predict.call).parameter(0).toEqualTypeOf<{ question: string; context: string[] }>();
    expectTypeOf(predict.call({ question: "q", context: [] })).resolves.toEqualTypeOf<{
      answer: string;
      confidence: number;
    }>();
    // @ts-expect-error: context must be a list of strings
    void predict.call({ question: "q", context: "not a list" });
    // @ts-expect-error: question is missing
    void predict.call({ context: [] });
  });

  it("adds `reasoning: string` in ChainOfThought", () => {
    const cot = new ChainOfThought(QA);
    expectTypeOf(cot.call({ question: "q", context: [] })).resolves.toEqualTypeOf<{
      reasoning: string;
      answer: string;
      confidence: number;
    }>();
    expectTypeOf<InferProgramOutputs<typeof cot>>().toEqualTypeOf<{
      reasoning: string;
      answer: string;
      confidence: number;
    }>();
  });

  it("makes demos partial", () => {
    expectTypeOf<PredictDemo<typeof QA>>().toEqualTypeOf<{
      question?: string;
      context?: string[];
      answer?: string;
      confidence?: number;
    }>();
    const predict = new Predict(QA).withDemos([{ question: "q", answer: "a" }]);
    expectTypeOf(predict).toEqualTypeOf<Predict<typeof QA>>();
    // @ts-expect-error: confidence is a number
    new Predict(QA).withDemos([{ confidence: "high" }]);
  });

  it("types custom modules", () => {
    class Pipeline extends Module<{ question: string }, { answer: string }> {
      readonly answer = new Predict(signature("question -> answer"));
      override async forward(inputs: { question: string }) {
        return this.answer.call(inputs);
      }
    }
    const program = new Pipeline();
    expectTypeOf<InferProgramInputs<Pipeline>>().toEqualTypeOf<{ question: string }>();
    expectTypeOf(program.withState({})).toEqualTypeOf<Pipeline>();
    expectTypeOf(program.call({ question: "q" })).resolves.toEqualTypeOf<{ answer: string }>();
  });
});
