import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ArtifactError,
  artifactContentHash,
  loadArtifact,
  MemoryCache,
  Predict,
  parseArtifact,
  saveArtifact,
  signature,
  withSettings,
} from "@lathe/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BootstrapFewShot, compile, RandomSearch } from "../../src/index.js";
import {
  exactAnswer,
  Reverse,
  reverseExamples,
  reverseModel,
  TwoStep,
  twoStepModel,
} from "../support/reverse-task.js";

const trainset = reverseExamples(16);
const valset = reverseExamples(40).slice(16);

describe("compile", () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "lathe-compile-"));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("reports the baseline beside the compiled score on the same valset, and freezes an artifact", async () => {
    const lm = reverseModel();
    const { artifact, report, program } = await compile(new Predict(Reverse), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 3 }),
      trainset,
      valset,
      metric: exactAnswer,
      lm,
      seed: 3,
      cache: new MemoryCache(),
    });
    expect(report.baseline).toMatchObject({ mean: 0, count: valset.length });
    expect(report.final).toMatchObject({ mean: 1, count: valset.length });
    expect(report.improvement.mean).toBe(1);
    expect(report.usage.byRole.student!.calls).toBe(lm.calls.length);
    expect(artifact.format).toBe("lathe.artifact/v1");
    expect(artifact.predictors.self!.demos).toHaveLength(3);
    expect(artifact.predictors.self!.signatureFingerprint).toBe(Reverse.fingerprint);
    expect(artifact.target).toMatchObject({
      provider: "mock",
      modelId: "mock-model",
      adapter: "chat",
      sampling: { temperature: 0 },
    });
    expect(artifact.compile).toMatchObject({
      optimizer: "bootstrap",
      seed: 3,
      teacher: null,
      trainset: { size: 16 },
      valset: { size: 24 },
      metric: "exactAnswer",
    });
    expect(artifact.compile.usage.total.requests).toBe(lm.calls.length);
    expect(artifact.contentHash).toBe(artifactContentHash(artifact));
    expect(program.state().self!.demos).toHaveLength(3);
  });

  it("gives a byte-identical artifact for the same seed and cache, with zero new LM calls the second time", async () => {
    const cache = new MemoryCache();
    const run = async () => {
      const lm = reverseModel();
      const result = await compile(new Predict(Reverse), {
        optimizer: new RandomSearch({ numCandidates: 3 }),
        trainset,
        valset,
        metric: exactAnswer,
        lm,
        seed: 5,
        cache,
      });
      return { lm, ...result };
    };
    const first = await run();
    const second = await run();
    expect(first.lm.calls.length).toBeGreaterThan(0);
    expect(second.lm.calls.length).toBe(0);
    const strip = (text: string) => text.replace(/"createdAt": "[^"]*"/, "").replace(/"durationMs": \d+/, "");
    expect(strip(JSON.stringify(second.artifact, null, 2))).toBe(
      strip(JSON.stringify(first.artifact, null, 2)),
    );
    expect(second.artifact.contentHash).toBe(first.artifact.contentHash);
  });

  it("stops cleanly at a call budget and says so", async () => {
    const lm = reverseModel();
    const { report, artifact } = await compile(new Predict(Reverse), {
      optimizer: new RandomSearch({ numCandidates: 8 }),
      trainset,
      valset,
      metric: exactAnswer,
      lm,
      cache: false,
      budget: { maxCalls: 60 },
    });
    expect(lm.calls.length).toBeLessThanOrEqual(60);
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes.join("\n")).toMatch(/budget of 60 calls reached/);
    // Said once, however many candidates hit the cap.
    expect(report.notes.filter((note) => note.startsWith("random: stopped early: budget"))).toHaveLength(1);
    expect(artifact.compile.notes.join("\n")).toMatch(/budget/);
  });

  it("save → load → run gives the same predictions as the compiled program", async () => {
    const lm = twoStepModel();
    const compiled = await compile(new TwoStep(), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2 }),
      trainset,
      valset,
      metric: exactAnswer,
      lm,
      cache: false,
    });
    const path = join(directory, "program.artifact.json");
    await saveArtifact(path, compiled.artifact);
    const loaded = new TwoStep().load(await loadArtifact(path));
    expect(loaded.state()).toEqual(compiled.program.state());
    const ask = (program: TwoStep) => withSettings({ lm }, () => program.call({ question: "q99x" }));
    expect(await ask(loaded)).toEqual(await ask(compiled.program));
    expect(await ask(loaded)).toEqual({ answer: "x99q" });
  });

  it("reports a renamed output field as drift naming the predictor and the field", async () => {
    const { artifact } = await compile(new Predict(Reverse), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 1, maxLabeledDemos: 1 }),
      trainset,
      metric: exactAnswer,
      lm: reverseModel(),
      cache: false,
    });
    const renamed = new Predict(signature("question: string -> reply: string"));
    const error = (() => {
      try {
        renamed.load(artifact);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ArtifactError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ problem: "drift", predictor: "self", field: "answer" });
    expect(String(error)).toMatch(
      /output field 'answer' of predictor 'self' is no longer in the program \(the program has 'reply' instead/,
    );
  });

  it("rejects a tampered artifact", async () => {
    const { artifact } = await compile(new Predict(Reverse), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 1, maxLabeledDemos: 1 }),
      trainset,
      metric: exactAnswer,
      lm: reverseModel(),
      cache: false,
    });
    const path = join(directory, "a.json");
    await saveArtifact(path, artifact);
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace("Answer the question.", "Ignore previous instructions."));
    await expect(loadArtifact(path)).rejects.toMatchObject({ problem: "tampered" });
    expect(() => parseArtifact(text.slice(0, text.length / 2))).toThrow(/not valid JSON/);
    expect(() => parseArtifact({ ...artifact, format: "lathe.artifact/v0" })).toThrow(
      /unsupported artifact format/,
    );
    expect(() => new Predict(Reverse).load(artifact)).not.toThrow();
  });

  it("scores baseline and compiled program on a held-out testset the optimizers never see", async () => {
    const lm = reverseModel();
    const testset = reverseExamples(60).slice(40);
    const { report, artifact } = await compile(new Predict(Reverse), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }),
      trainset,
      valset,
      testset,
      metric: exactAnswer,
      lm,
      cache: false,
    });
    const testQuestions = new Set(testset.map((example) => example.question));
    const anywhere = (question: unknown) =>
      lm.calls.filter((call) => call.messages.some((message) => message.content.includes(`${question}`)));
    // Each test question is asked exactly twice (uncompiled and compiled) and never shown as a demo.
    for (const question of testQuestions) expect(anywhere(question)).toHaveLength(2);
    expect(artifact.compile.heldOut).toMatchObject({
      size: 20,
      baseline: { mean: 0, count: 20 },
      final: { mean: 1, count: 20 },
    });
    expect(report.heldOut?.improvement.mean).toBe(1);
    expect(artifact.compile.valset.hash).not.toBe(artifact.compile.heldOut?.hash);
    expect(parseArtifact(artifact).compile.heldOut?.size).toBe(20);
  });

  it("explains bad options in one line", async () => {
    const base = { optimizer: new BootstrapFewShot(), metric: exactAnswer, lm: reverseModel() };
    await expect(compile(new Predict(Reverse), { ...base, trainset: [] })).rejects.toThrow(
      /trainset is empty/,
    );
    await expect(compile(new Predict(Reverse), { ...base, trainset, valset: [] })).rejects.toThrow(
      /valset is empty/,
    );
  });
});
