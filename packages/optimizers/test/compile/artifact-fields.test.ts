import {
  artifactContentHash,
  datasetHash,
  describeFields,
  MemoryCache,
  Predict,
  parseArtifact,
  programFingerprint,
} from "@lathe/core";
import { describe, expect, it } from "vitest";
import { BootstrapFewShot, compile, LATHE_VERSION } from "../../src/index.js";
import { mockStudent, mockTeacher } from "../mipro/mock-teacher.js";
import { metered, sum } from "../support/metered-model.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";

const trainset = reverseExamples(16);
const valset = reverseExamples(40).slice(16);

/** BootstrapFewShot with a teacher LM: the student only answers right with demos, the teacher always. */
async function compileOnce(cache: MemoryCache) {
  const student = metered(mockStudent());
  const teacher = metered(mockTeacher());
  const result = await compile(new Predict(Reverse), {
    optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 3 }),
    trainset,
    valset,
    metric: exactAnswer,
    lm: student,
    teacher,
    seed: 4,
    maxTokens: 64,
    programName: "reverser",
    cache,
  });
  return { ...result, student, teacher };
}

describe("the artifact and report of a compile", () => {
  it("hold the exact values of every field of lathe.artifact/v1", async () => {
    const { artifact, state } = await compileOnce(new MemoryCache());
    const program = new Predict(Reverse);
    expect(artifact.format).toBe("lathe.artifact/v1");
    expect(artifact.program).toEqual({
      name: "reverser",
      fingerprint: programFingerprint(program.namedPredictors()),
    });
    expect(artifact.predictors).toEqual({
      self: {
        signatureFingerprint: Reverse.fingerprint,
        fields: {
          inputs: describeFields(Reverse.inputFields),
          outputs: describeFields(Reverse.outputFields),
        },
        instructions: "Answer the question.",
        demos: state.self!.demos,
      },
    });
    // Two bootstrapped demos (the teacher's answers), then one raw example that was not bootstrapped.
    expect(artifact.predictors.self!.demos).toEqual([
      { question: "q0x", answer: "x0q" },
      { question: "q1x", answer: "x1q" },
      expect.objectContaining({ question: expect.any(String), answer: expect.any(String) }),
    ]);
    expect(artifact.target).toEqual({
      provider: "mock",
      modelId: "mock-student",
      adapter: "chat",
      sampling: { temperature: 0, maxTokens: 64 },
    });
    const { durationMs, ...compileFields } = artifact.compile;
    expect(compileFields).toEqual({
      optimizer: "bootstrap",
      config: { bootstrap: { maxBootstrappedDemos: 2, maxLabeledDemos: 3, maxRounds: 1, maxErrors: 10 } },
      seed: 4,
      teacher: { provider: "mock", modelId: "mock-teacher" },
      trainset: { size: 16, hash: datasetHash(trainset) },
      valset: { size: 24, hash: datasetHash(valset) },
      metric: "exactAnswer",
      baseline: { mean: 0, ci: { low: 0, high: 0 }, count: 24 },
      final: { mean: 1, ci: { low: 1, high: 1 }, count: 24 },
      usage: expect.any(Object),
      notes: [],
      versions: { lathe: LATHE_VERSION, node: process.versions.node },
    });
    expect(durationMs).toBeGreaterThan(0);
    expect(Date.parse(artifact.createdAt)).not.toBeNaN();
    expect(artifact.contentHash).toBe(artifactContentHash(artifact));
    expect(artifact.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseArtifact(JSON.parse(JSON.stringify(artifact)))).toEqual(artifact);
  });

  it("counts calls, tokens and cost for student and teacher; a warm re-run counts them as cache hits", async () => {
    const cache = new MemoryCache();
    const cold = await compileOnce(cache);
    // Student: baseline and final evaluations (24 each). Teacher: one bootstrap wave of 8 runs.
    expect(cold.student.tokensPerCall).toHaveLength(48);
    expect(cold.teacher.tokensPerCall).toHaveLength(8);
    for (const [role, model] of [
      ["student", cold.student],
      ["teacher", cold.teacher],
    ] as const) {
      expect(cold.report.usage.byRole[role]).toMatchObject({
        calls: model.tokensPerCall.length,
        cacheHits: 0,
        promptTokens: sum(model.promptTokensPerCall),
        completionTokens: sum(model.completionTokensPerCall),
        failures: 0,
      });
      expect(cold.artifact.compile.usage.byRole[role]).toEqual({
        requests: model.tokensPerCall.length,
        promptTokens: sum(model.promptTokensPerCall),
        completionTokens: sum(model.completionTokensPerCall),
        costUsd: 0,
      });
    }
    expect(cold.report.usage.total.calls).toBe(56);
    expect(cold.artifact.compile.usage.total.requests).toBe(56);

    const warm = await compileOnce(cache);
    expect(warm.student.tokensPerCall).toHaveLength(0);
    expect(warm.teacher.tokensPerCall).toHaveLength(0);
    expect(warm.report.usage.byRole.student).toMatchObject({
      calls: 0,
      cacheHits: 48,
      promptTokens: 0,
      cachedPromptTokens: sum(cold.student.promptTokensPerCall),
    });
    expect(warm.report.usage.byRole.teacher).toMatchObject({ calls: 0, cacheHits: 8 });
    // The artifact records usage as if uncached, so both runs freeze the same document.
    expect(warm.artifact.compile.usage).toEqual(cold.artifact.compile.usage);
    expect(warm.artifact.contentHash).toBe(cold.artifact.contentHash);
    expect(warm.report.durationMs).toBeGreaterThan(0);
  });
});
