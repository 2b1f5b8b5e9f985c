import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  BestOfN,
  type BestOfNRun,
  ChainOfThought,
  Conductor,
  type ConductorRun,
  type InferProgramInputs,
  type InferProgramOutputs,
  MultiChainComparison,
  Predict,
  PromptGenerator,
  ReAct,
  type ReActRun,
  Refine,
  type RefineRun,
  type Signature,
  signature,
  tool,
} from "../../src/index.js";

const Triage = signature("Route a support ticket.")
  .input("ticket", z.string())
  .output("queue", z.enum(["billing", "technical"]))
  .output("urgent", z.boolean());
type TriageOut = { queue: "billing" | "technical"; urgent: boolean };

describe("meta module outputs are typed from the signature", () => {
  it("Refine", () => {
    const refine = new Refine(Triage, {
      reward: (inputs, outputs) => {
        expectTypeOf(inputs).toEqualTypeOf<{ ticket: string }>();
        expectTypeOf(outputs).toEqualTypeOf<TriageOut>();
        return outputs.urgent ? 1 : 0;
      },
    });
    expectTypeOf(refine.call({ ticket: "t" })).resolves.toEqualTypeOf<TriageOut>();
    expectTypeOf(refine.run({ ticket: "t" })).resolves.toEqualTypeOf<RefineRun<TriageOut>>();
    expectTypeOf<InferProgramInputs<typeof refine>>().toEqualTypeOf<{ ticket: string }>();
    // @ts-expect-error the input field is `ticket`
    refine.call({ message: "t" });
  });

  it("BestOfN, from the wrapped module", () => {
    const best = new BestOfN(new ChainOfThought(Triage), {
      n: 3,
      reward: (_inputs, outputs) => (outputs.reasoning.length > 0 ? 1 : 0),
    });
    expectTypeOf<InferProgramOutputs<typeof best>>().toEqualTypeOf<{
      reasoning: string;
      queue: "billing" | "technical";
      urgent: boolean;
    }>();
    expectTypeOf(best.run({ ticket: "t" })).resolves.toEqualTypeOf<
      BestOfNRun<{ reasoning: string; queue: "billing" | "technical"; urgent: boolean }>
    >();
    // @ts-expect-error the reward reads outputs the module does not have
    new BestOfN(new Predict(Triage), { n: 2, reward: (_inputs, outputs) => outputs.score });
  });

  it("MultiChainComparison adds a rationale", () => {
    const compare = new MultiChainComparison(Triage);
    expectTypeOf(compare.call({ ticket: "t" })).resolves.toEqualTypeOf<{
      rationale: string;
      queue: "billing" | "technical";
      urgent: boolean;
    }>();
    // @ts-expect-error an attempt needs the signature's outputs
    compare.run({ ticket: "t" }, [{ reasoning: "r" }]);
  });

  it("ReAct and Conductor", () => {
    const agent = new ReAct(Triage, { tools: [] });
    expectTypeOf(agent.call({ ticket: "t" })).resolves.toEqualTypeOf<TriageOut>();
    expectTypeOf(agent.run({ ticket: "t" })).resolves.toEqualTypeOf<ReActRun<TriageOut>>();
    const conductor = new Conductor(Triage);
    expectTypeOf(conductor.run({ ticket: "t" })).resolves.toEqualTypeOf<ConductorRun<TriageOut>>();
  });

  it("PromptGenerator keeps the signature's types", () => {
    const seeded = new PromptGenerator().forSignature(Triage);
    expectTypeOf(seeded).resolves.toEqualTypeOf<Signature<{ ticket: string }, TriageOut>>();
  });
});

describe("ReAct tools are typed from their zod schemas", () => {
  it("types execute's argument", () => {
    const search = tool({
      name: "search",
      description: "Search.",
      parameters: z.object({ query: z.string(), limit: z.number().optional() }),
      execute: (args) => {
        expectTypeOf(args).toEqualTypeOf<{ query: string; limit?: number | undefined }>();
        return args.query.toUpperCase();
      },
    });
    new ReAct(Triage, { tools: [search] });
  });

  it("rejects a wrong use of the arguments", () => {
    tool({
      name: "search",
      description: "Search.",
      parameters: z.object({ query: z.string() }),
      // @ts-expect-error `query` is a string, not a number
      execute: ({ query }: { query: number }) => query.toFixed(1),
    });
    tool({
      name: "search",
      description: "Search.",
      parameters: z.object({ query: z.string() }),
      // @ts-expect-error there is no `url` argument
      execute: (args) => args.url,
    });
  });
});
