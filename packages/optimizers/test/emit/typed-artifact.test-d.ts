import {
  ChainOfThought,
  type DemoAtPath,
  type FieldsMatch,
  Module,
  Predict,
  type SignatureAtPath,
  signature,
  type TypedArtifact,
} from "@lathe/core";
import { describe, expectTypeOf, it } from "vitest";

const QA = signature("question: string -> answer: string");

class Program extends Module<{ question: string }, { answer: string }> {
  readonly hops = [new Predict(signature("question: string -> query: string")), new Predict(QA)] as const;
  readonly same = [new Predict(QA), new Predict(QA)];
  readonly mixed: Array<
    Predict<typeof QA> | Predict<ReturnType<typeof signature<"a: string -> b: number">>>
  > = [];
  readonly answer = new ChainOfThought(QA);
  private readonly hidden = new Predict(QA);

  async forward(): Promise<{ answer: string }> {
    return { answer: String(this.hidden.instructions) };
  }
}

describe("typed artifact helpers", () => {
  it("type each predictor's demos by its signature, through tuples, arrays and nested modules", () => {
    expectTypeOf<DemoAtPath<Program, ["hops", 0]>>().toEqualTypeOf<{ question?: string; query?: string }>();
    expectTypeOf<DemoAtPath<Program, ["same", 1]>>().toEqualTypeOf<{ question?: string; answer?: string }>();
    expectTypeOf<DemoAtPath<Program, ["answer", "predict"]>>().toEqualTypeOf<{
      question?: string;
      reasoning?: string;
      answer?: string;
    }>();
    expectTypeOf<DemoAtPath<Predict<typeof QA>, []>>().toEqualTypeOf<{
      question?: string;
      answer?: string;
    }>();
  });

  it("fall back to untyped demos where the predictor cannot be told statically", () => {
    expectTypeOf<SignatureAtPath<Program, ["hidden"]>>().toEqualTypeOf<undefined>();
    expectTypeOf<SignatureAtPath<Program, ["mixed", 0]>>().toEqualTypeOf<undefined>();
    expectTypeOf<DemoAtPath<Program, ["hidden"]>>().toEqualTypeOf<{ readonly [field: string]: unknown }>();
  });

  it("check exact field names", () => {
    expectTypeOf<FieldsMatch<Program, ["hops", 0], "question", "query">>().toEqualTypeOf<true>();
    expectTypeOf<FieldsMatch<Program, ["hops", 0], "question", "query" | "extra">>().toEqualTypeOf<false>();
    expectTypeOf<FieldsMatch<Program, ["hops", 0], "question" | "context", "query">>().toEqualTypeOf<false>();
    expectTypeOf<FieldsMatch<Program, ["hidden"], "anything", "at all">>().toEqualTypeOf<true>();
  });

  it("reject a demo with a field the signature does not have", () => {
    type Typed = TypedArtifact<Program, { "hops[0]": ["hops", 0] }>;
    type Demo = Typed["predictors"]["hops[0]"]["demos"][number];
    expectTypeOf<{ question: "q"; query: "x" }>().toExtend<Demo>();
    expectTypeOf<{ question: 1 }>().not.toExtend<Demo>();
  });
});
