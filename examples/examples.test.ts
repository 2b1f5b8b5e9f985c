// Smoke test of every example: its program compiles offline against the simulated model and
// the compiled program beats the uncompiled baseline on the same validation examples. Small
// slices of each example's committed data keep the whole file to a few seconds.
import { join } from "node:path";
import { createSimModel, resolveModel, startModelServer } from "@lathe/adapters";
import { type Example, evaluate, type JsonlOptions, loadJsonl, type Metric, type Module } from "@lathe/core";
import {
  BootstrapFewShot,
  compile,
  GEPA,
  MetaPrompt,
  MIPRO,
  type Optimizer,
  RandomSearch,
} from "@lathe/optimizers";
import { describe, expect, it } from "vitest";
import { ExtractMeeting, extractMeeting, meetingScore } from "./extraction/program.js";
import { answerMatches, SolveWordProblem, solver } from "./math/program.js";
import { router } from "./openai-compatible/program.js";
import { agent, answerCorrect as townAnswerCorrect } from "./react/program.js";
import { refiner } from "./refine/program.js";
import { answerCorrect, TownQA, townQA } from "./town-qa/program.js";
import { Triage, triage, triageExact, triageFeedback } from "./triage/program.js";

async function splits(name: string, size: number, options: JsonlOptions = {}) {
  const load = (split: string) =>
    loadJsonl(join(import.meta.dirname, name, "data", `${split}.jsonl`), options);
  const [train, dev] = await Promise.all([load("train"), load("dev")]);
  return { trainset: train.slice(0, size), valset: dev.slice(0, size) };
}

async function compileSmall<P extends Module>(
  program: P,
  optimizer: Optimizer,
  data: { trainset: readonly Example[]; valset: readonly Example[] },
  // biome-ignore lint/suspicious/noExplicitAny: each example's metric is typed by its own outputs
  metric: Metric<any>,
  lm = createSimModel("small"),
  teacher = createSimModel("large"),
) {
  const { report, program: compiled } = await compile(program, {
    optimizer,
    ...data,
    metric,
    lm,
    teacher,
    seed: 1,
    concurrency: 16,
    cache: false,
  });
  return { report, compiled };
}

describe("examples", () => {
  it("triage: GEPA beats the zero-shot baseline", async () => {
    const data = await splits("triage", 40, { signature: Triage });
    const { report } = await compileSmall(triage, new GEPA({ maxMetricCalls: 300 }), data, triageFeedback);
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean);
  });

  it("extraction: MetaPrompt rewrites the instructions and beats the baseline", async () => {
    const data = await splits("extraction", 40, { signature: ExtractMeeting });
    const { report, compiled } = await compileSmall(
      extractMeeting,
      new MetaPrompt({ numRounds: 2, evalSubsetSize: 20 }),
      data,
      meetingScore,
    );
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean);
    expect(compiled.instructions).not.toBe(extractMeeting.instructions);
  });

  it("math: ChainOfThought with RandomSearch demos beats the baseline", async () => {
    const data = await splits("math", 40, { signature: SolveWordProblem });
    const { report, compiled } = await compileSmall(
      solver,
      new RandomSearch({ numCandidates: 2, maxBootstrappedDemos: 4, maxLabeledDemos: 4 }),
      data,
      answerMatches,
    );
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean);
    expect(compiled.predict.demos.length).toBeGreaterThan(0);
  });

  it("town-qa: MIPRO tunes both steps of the BM25 pipeline and beats the baseline", async () => {
    const data = await splits("town-qa", 40);
    const { report, compiled } = await compileSmall(
      townQA,
      new MIPRO({ numCandidates: 3, numTrials: 6, minibatchSize: 20, programCode: TownQA.toString() }),
      data,
      answerCorrect,
    );
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean);
    expect(compiled.namedPredictors().map(([path]) => path)).toEqual(["search", "answer"]);
  });

  it("refine: GEPA tunes draft, critic and rewrite; the critique fixes answers the draft gets wrong", async () => {
    const data = await splits("refine", 60, { signature: SolveWordProblem });
    const { report, compiled } = await compileSmall(
      refiner,
      new GEPA({ maxMetricCalls: 300 }),
      data,
      answerMatches,
    );
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean + 0.3);
    expect(compiled.namedPredictors().map(([path]) => path)).toEqual(["draft", "critic", "rewrite"]);
    // On the same examples the loop beats its own compiled draft answering alone, and the
    // compiled critic beats the uncompiled one.
    const settings = { lm: createSimModel("small") };
    const alone = await evaluate(compiled.draft, data.valset, answerMatches, { settings });
    const untunedCritic = compiled.withState({ ...compiled.state(), critic: refiner.state().critic! });
    const withUntunedCritic = await evaluate(untunedCritic, data.valset, answerMatches, { settings });
    expect(report.final.mean).toBeGreaterThan(alone.mean + 0.15);
    expect(report.final.mean).toBeGreaterThan(withUntunedCritic.mean + 0.1);
  });

  it("react: MIPRO tunes the agent turn and the extraction; trajectories call the search tool", async () => {
    const data = await splits("react", 40);
    const { report, compiled } = await compileSmall(
      agent,
      new MIPRO({ numCandidates: 3, numTrials: 6, minibatchSize: 20 }),
      data,
      townAnswerCorrect,
    );
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean + 0.2);
    expect(compiled.namedPredictors().map(([path]) => path)).toEqual(["react", "extract.predict"]);
    // A question naming its town by nickname: the agent searches, reads the observation and
    // searches again by the official name before finishing.
    const row = data.valset.find(
      (example) => !String(example.question).includes(String(example.search_query)),
    )!;
    const run = await compiled.run({ question: String(row.question) }, { lm: createSimModel("small") });
    const searches = run.trajectory.filter((step) => step.tool === "search");
    expect(searches.every((step) => !step.failed)).toBe(true);
    expect(searches.map((step) => JSON.parse(step.args).query).at(-1)).toBe(row.search_query);
    expect(searches.at(-1)!.observation).toContain(`${row.search_query} is a town`);
    expect(run.finished).toBe(true);
    expect(run.outputs.answer).toBe(row.answer);
  });

  it("openai-compatible: the openai backend compiles against the sim served on loopback", async () => {
    const server = await startModelServer({
      model: (modelId) => (modelId === "small" || modelId === "large" ? createSimModel(modelId) : undefined),
      modelIds: ["small", "large"],
      apiKey: "sk-test",
    });
    try {
      const connection = { baseURL: server.url, apiKey: "sk-test" };
      const data = await splits("openai-compatible", 30, { signature: Triage });
      const { report } = await compileSmall(
        router,
        new BootstrapFewShot({ maxBootstrappedDemos: 4, maxLabeledDemos: 8 }),
        data,
        triageExact,
        resolveModel("openai/small", connection) as never,
        resolveModel("openai/large", connection) as never,
      );
      expect(report.final.mean).toBeGreaterThan(report.baseline.mean);
      expect(server.stats.byStatus[200]).toBe(report.usage.total.calls);
    } finally {
      await server.close();
    }
  });
});
