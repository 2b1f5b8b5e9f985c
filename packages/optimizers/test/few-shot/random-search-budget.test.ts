import { createRng, type LanguageModel, MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, RandomSearch } from "../../src/index.js";
import { exactAnswer, Reverse, reverseExamples, reverseModel } from "../support/reverse-task.js";

const trainset = reverseExamples(16);
const valset = reverseExamples(40).slice(16);

/**
 * 24 validation examples: the baseline takes 24 calls, the zero-shot and labeled candidates 24
 * each, a bootstrapped one 8 teacher runs + 24. Without a cache every call counts.
 */
function compileUnder(maxCalls: number, cache: MemoryCache | false = false, jitterSeed?: number) {
  const lm = reverseModel();
  const run = compile(new Predict(Reverse), {
    optimizer: new RandomSearch({ numCandidates: 8 }),
    trainset,
    valset,
    metric: exactAnswer,
    lm: jitterSeed === undefined ? lm : jittered(lm, jitterSeed),
    cache,
    budget: { maxCalls },
  });
  return run.then((result) => ({ ...result, calls: lm.calls.length }));
}

/** The same model answering after a seeded random 0–3 ms, so concurrent calls finish in a different order per seed. */
function jittered(model: LanguageModel, seed: number): LanguageModel {
  const rng = createRng(seed);
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    doGenerate: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, rng.int(0, 3)));
      return model.doGenerate(request);
    },
  };
}

describe("RandomSearch under a call budget", () => {
  it("scores candidates one at a time so the cap keeps those that finished and returns the best of them", async () => {
    // 80 calls: baseline 24, zero-shot 24, labeled 24, then the bootstrap is cut. A wave of four
    // concurrent candidates used to share the 56 calls left and leave none of them scored.
    const { report, state, calls } = await compileUnder(80);
    expect(calls).toBe(80);
    expect(report.candidates.map((candidate) => [candidate.id, candidate.mean])).toEqual([
      ["random/zero-shot", 0],
      ["random/labeled", 1],
    ]);
    expect(report.candidates.find((candidate) => candidate.chosen)?.id).toBe("random/labeled");
    expect(state.self!.demos).toHaveLength(16);
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes).toContain(
      "random: stopped early: budget of 80 calls reached (spent 80); raise the cap to continue",
    );
    // No call is left for the final evaluation: the score the search measured is reported, not the baseline's.
    expect(report.final.mean).toBe(1);
    expect(report.improvement.mean).toBe(1);
    expect(report.notes.join("\n")).toMatch(
      /final evaluation stopped early: budget of 80 calls reached.*the score the optimizer measured for it on the valset/,
    );
  });

  it("keeps the program as given when the cap ends the search before any candidate is scored", async () => {
    const program = new Predict(Reverse);
    const { report, state, calls } = await compileUnder(40);
    expect(calls).toBe(40);
    expect(report.candidates).toEqual([]);
    expect(state).toEqual(program.state());
    expect(report.final).toEqual(report.baseline);
    expect(report.notes).toContain(
      "random: the budget ran out before any candidate was scored; kept the program as given",
    );
    expect(report.stoppedByBudget).toBe(true);
  });

  it("stops at the same candidate every time: timing never decides what the cap keeps", async () => {
    const runs = await Promise.all([1, 2, 3].map((seed) => compileUnder(130, false, seed)));
    const ids = runs.map((run) => run.report.candidates.map((candidate) => candidate.id));
    expect(ids[0]).toEqual(["random/zero-shot", "random/labeled", "random/bootstrap"]);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it("with a cache, the final evaluation replays the winner's calls for free and confirms its score", async () => {
    const { report, calls } = await compileUnder(80, new MemoryCache());
    expect(calls).toBe(80);
    expect(report.candidates.find((candidate) => candidate.chosen)?.id).toBe("random/labeled");
    expect(report.final).toMatchObject({ mean: 1, count: valset.length });
    expect(report.usage.byRole.student!.cacheHits).toBeGreaterThanOrEqual(valset.length);
    expect(report.notes.join("\n")).not.toMatch(/final evaluation stopped early/);
  });
});
