import {
  BestOfN,
  Conductor,
  type Example,
  type GenerateRequest,
  MemoryCache,
  MockLanguageModel,
  type Module,
  MultiChainComparison,
  Predict,
  ReAct,
  Refine,
  signature,
  tool,
} from "@lathe/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BootstrapFewShot, compile, LabeledFewShot } from "../../src/index.js";

const CAPITALS: Record<string, string> = {
  France: "Paris",
  Italy: "Rome",
  Spain: "Madrid",
  Peru: "Lima",
  Chile: "Santiago",
  Kenya: "Nairobi",
};
const Capital = signature("question: string -> answer: string", "Name the capital city.");
const examples: Example[] = Object.entries(CAPITALS).map(([country, capital]) => ({
  question: `Capital of ${country}?`,
  answer: capital,
}));
const trainset = examples.slice(0, 4);
const valset = examples.slice(4);
const exactAnswer = (example: Example, prediction: Record<string, unknown>) =>
  prediction.answer === example.answer;

function reply(values: Record<string, unknown>): string {
  const blocks = Object.entries(values).map(
    ([name, value]) => `[[ ## ${name} ## ]]\n${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return `${blocks.join("\n\n")}\n\n[[ ## completed ## ]]`;
}

/** The output fields a request asks for: tells the inner predictors apart. */
function askedFor(request: GenerateRequest): string[] {
  const query = request.messages.at(-1)?.content ?? "";
  return [...(/Respond with the output fields (.*)\./.exec(query)?.[1] ?? "").matchAll(/`([^`]+)`/g)].map(
    (match) => match[1]!,
  );
}

const query = (request: GenerateRequest) => request.messages.at(-1)?.content ?? "";
const countryIn = (text: string) => /Capital of (\w+)\?/.exec(text)?.[1] ?? "";
const capitalIn = (text: string) => CAPITALS[countryIn(text)] ?? "unknown";

/**
 * Plays every inner predictor of the meta modules. A first Refine draft is vague; the critic
 * asks for the city; the rewrite names it. The ReAct agent looks the country up, then finishes.
 */
function metaModel() {
  return new MockLanguageModel({
    responses: (request) => {
      const text = query(request);
      const capital = capitalIn(text);
      switch (askedFor(request)[0]) {
        case "critique":
          return text.includes(`answer: ${capital}`)
            ? reply({ critique: "Correct.", score: 1 })
            : reply({ critique: "Name the city itself.", score: 0.2 });
        case "next_thought":
          return text.includes("observation_1")
            ? reply({ next_thought: "I have it.", next_tool_name: "finish", next_tool_args: "{}" })
            : reply({
                next_thought: "Look it up.",
                next_tool_name: "lookup",
                next_tool_args: JSON.stringify({ country: countryIn(text) }),
              });
        case "reasoning":
          return reply({
            reasoning: "From the lookup.",
            answer: /observation_1: (\w+)/.exec(text)?.[1] ?? "?",
          });
        case "rationale":
          return reply({ rationale: "The attempts agree.", answer: capital });
        case "thought":
          return text.includes("answered:")
            ? reply({ thought: "Verified.", next_action: "final_answer" })
            : reply({
                thought: "Ask a geographer.",
                next_action: "consult_expert",
                expert: "Expert Geographer",
                instructions: `Name the capital in: ${text.split("\n")[1]}`,
              });
        case "response":
          return reply({ response: capital });
        default:
          // A plain answer: a Refine draft is vague; a rewrite acting on feedback names the city.
          return reply({ answer: text.includes("## feedback ##") ? capital : "a city" });
      }
    },
  });
}

const lookup = tool({
  name: "lookup",
  description: "The capital of a country.",
  parameters: z.object({ country: z.string() }),
  execute: ({ country }) => CAPITALS[country] ?? `no entry for ${country}`,
});

async function compileWith(program: Module, optimizer: BootstrapFewShot | LabeledFewShot) {
  const lm = metaModel();
  const result = await compile(program, {
    optimizer,
    trainset,
    valset,
    metric: exactAnswer,
    lm,
    seed: 7,
    cache: new MemoryCache(),
  });
  return { ...result, lm };
}

describe("optimizers tune the inner predictors of meta modules", () => {
  it("BootstrapFewShot gives Refine's draft, critic and rewrite demos from successful traces", async () => {
    const refine = new Refine(Capital, { maxAttempts: 2, threshold: 0.9 });
    const { artifact, program, report } = await compileWith(
      refine,
      new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }),
    );

    expect(Object.keys(artifact.predictors)).toEqual(["draft", "critic", "rewrite"]);
    const { draft, critic, rewrite } = artifact.predictors;
    expect(rewrite!.instructions).toBe(refine.rewrite.instructions);
    expect(critic!.signatureFingerprint).toBe(refine.critic.signature.fingerprint);
    expect(draft!.demos).toHaveLength(2);
    expect(rewrite!.demos[0]).toEqual({
      question: "Capital of France?",
      draft: "answer: a city",
      feedback: "Name the city itself.",
      answer: "Paris",
    });
    expect(critic!.demos[0]).toMatchObject({
      question: "Capital of France?",
      draft: "answer: a city",
      critique: "Name the city itself.",
      score: 0.2,
    });
    expect(report.final.mean).toBe(1);
    // The compiled program, and a fresh one loading the artifact, prompt with those demos.
    const reloaded = new Refine(Capital, { maxAttempts: 2, threshold: 0.9 }).load(artifact);
    expect(reloaded.state()).toEqual(program.state());
    const messages = reloaded.rewrite.format({ question: "Capital of Peru?", draft: "x", feedback: "y" });
    expect(messages.map((message) => message.content).join("\n")).toContain("Name the city itself.");
  });

  it("BootstrapFewShot gives ReAct's agent and extraction steps demos with their trajectories", async () => {
    const agent = new ReAct(Capital, { tools: [lookup], maxSteps: 3 });
    const { artifact, report } = await compileWith(
      agent,
      new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 0 }),
    );

    expect(Object.keys(artifact.predictors)).toEqual(["react", "extract.predict"]);
    const { react, "extract.predict": extract } = artifact.predictors;
    expect(react!.instructions).toContain("(1) lookup: The capital of a country.");
    // The first successful run's two agent turns (lookup, then finish); one extraction per run.
    expect(react!.demos).toEqual([
      {
        question: "Capital of France?",
        trajectory: "(no steps yet)",
        next_thought: "Look it up.",
        next_tool_name: "lookup",
        next_tool_args: '{"country":"France"}',
      },
      expect.objectContaining({
        next_tool_name: "finish",
        trajectory: expect.stringContaining("observation_1: Paris"),
      }),
    ]);
    expect(extract!.demos).toEqual([
      expect.objectContaining({
        question: "Capital of France?",
        reasoning: "From the lookup.",
        answer: "Paris",
      }),
      expect.objectContaining({ question: "Capital of Italy?", answer: "Rome" }),
    ]);
    expect(report.final.mean).toBe(1);
  });

  it("LabeledFewShot reaches the inner predictors of BestOfN, MultiChainComparison and Conductor", async () => {
    const cases: Array<[Module, string[]]> = [
      [new BestOfN(new Predict(Capital), { n: 2, reward: () => 1, threshold: 1 }), ["module"]],
      [new MultiChainComparison(Capital, { m: 2 }), ["reason.predict", "compare"]],
      [new Conductor(Capital, { maxRounds: 2 }), ["conductor", "expert", "finalize"]],
    ];
    for (const [program, paths] of cases) {
      const { artifact } = await compileWith(program, new LabeledFewShot({ k: 2 }));
      expect(Object.keys(artifact.predictors)).toEqual(paths);
      for (const path of paths) {
        const predictor = artifact.predictors[path]!;
        expect(predictor.demos).toHaveLength(2);
        // Demos carry the example's values for the fields that predictor has.
        const fields = [...predictor.fields.inputs, ...predictor.fields.outputs].map((field) => field.name);
        expect(Object.keys(predictor.demos[0]!)).toEqual(
          ["question", "answer"].filter((name) => fields.includes(name)),
        );
      }
    }
  });
});
