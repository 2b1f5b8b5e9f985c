import { type LanguageModel, MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, MIPRO } from "../../src/index.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";
import { mockStudent, mockTeacher } from "./mock-teacher.js";

const trainset = reverseExamples(20);
const valset = reverseExamples(44).slice(20);

/** The same model answering after a random delay, so concurrent calls finish in any order. */
function jittered(model: LanguageModel, maxMs: number): LanguageModel {
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    doGenerate: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs));
      return model.doGenerate(request);
    },
  };
}

async function compileOnce(cache: MemoryCache, seed: number, latencyMs = 0) {
  const lm = mockStudent();
  const teacher = mockTeacher();
  const result = await compile(new Predict(Reverse), {
    optimizer: new MIPRO({ numCandidates: 5, minibatchSize: 8, numTrials: 8 }),
    trainset,
    valset,
    metric: exactAnswer,
    lm: jittered(lm, latencyMs),
    teacher: jittered(teacher, latencyMs),
    seed,
    cache,
    concurrency: 6,
  });
  return { ...result, calls: lm.calls.length + teacher.calls.length };
}

describe("MIPRO determinism", () => {
  it("replays a whole compile from the same seed and cache: same state and details, zero new LM calls", async () => {
    const cache = new MemoryCache();
    const first = await compileOnce(cache, 7, 3);
    const second = await compileOnce(cache, 7, 3);
    expect(first.calls).toBeGreaterThan(0);
    expect(second.calls).toBe(0);
    expect(second.state).toEqual(first.state);
    expect(second.report.details).toEqual(first.report.details);
    expect(second.report.candidates).toEqual(first.report.candidates);
    const { createdAt: _a, compile: firstCompile, contentHash: _h, ...firstRest } = first.artifact;
    const { createdAt: _b, compile: secondCompile, contentHash: _i, ...secondRest } = second.artifact;
    expect(secondRest).toEqual(firstRest);
    expect(secondCompile.final).toEqual(firstCompile.final);
  });

  it("freezes a byte-identical artifact (same content hash) from the same seed and a shared cache", async () => {
    const cache = new MemoryCache();
    const first = await compileOnce(cache, 3, 3);
    const second = await compileOnce(cache, 3, 3);
    expect(first.calls).toBeGreaterThan(0);
    expect(second.calls).toBe(0);
    expect(second.report.usage.total.calls).toBe(0);
    // Every request of the first run, sent or already served from the cache then, is a hit now.
    expect(second.report.usage.total.cacheHits).toBe(
      first.report.usage.total.calls + first.report.usage.total.cacheHits,
    );
    expect(second.artifact.contentHash).toBe(first.artifact.contentHash);
    const stable = (artifact: typeof first.artifact) =>
      JSON.stringify(artifact, null, 2)
        .replace(/"createdAt": "[^"]*"/, "")
        .replace(/"durationMs": [\d.]+/, "");
    expect(stable(second.artifact)).toBe(stable(first.artifact));
    // The search really chose something: a proposed instruction or demos, not the original program.
    expect(first.artifact.predictors.self).not.toEqual(
      expect.objectContaining({ instructions: "Answer the question.", demos: [] }),
    );
  });

  it("gives the same result from a fresh cache (timing never decides), and a different search for another seed", async () => {
    const first = await compileOnce(new MemoryCache(), 7, 3);
    const again = await compileOnce(new MemoryCache(), 7, 3);
    const other = await compileOnce(new MemoryCache(), 8);
    expect(again.report.details).toEqual(first.report.details);
    expect(again.calls).toBe(first.calls);
    const trials = (result: typeof first) =>
      (result.report.details.mipro as { trials: Array<{ minibatch: number[] }> }).trials.map(
        (trial) => trial.minibatch,
      );
    expect(trials(other)).not.toEqual(trials(first));
  });
});
