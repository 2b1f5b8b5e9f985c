import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { defaultNumTrials, MIPRO } from "../../src/index.js";
import { resolveMiproOptions } from "../../src/mipro/mipro-options.js";
import { exactAnswer, Reverse, reverseExamples, TwoStep } from "../support/reverse-task.js";
import { mockStudent, mockTeacher, studentTeacherContext } from "./mock-teacher.js";

describe("MIPRO options", () => {
  it("auto presets give 6/12/18 candidates and cap the valset at 100/300/1000", () => {
    expect(resolveMiproOptions({ auto: "light" })).toMatchObject({ numCandidates: 6, maxValset: 100 });
    expect(resolveMiproOptions({ auto: "medium" })).toMatchObject({ numCandidates: 12, maxValset: 300 });
    expect(resolveMiproOptions({ auto: "heavy" })).toMatchObject({ numCandidates: 18, maxValset: 1000 });
    expect(resolveMiproOptions({ auto: "heavy", numCandidates: 3 }).numCandidates).toBe(3);
    expect(resolveMiproOptions({})).toMatchObject({
      numCandidates: 6,
      maxValset: undefined,
      minibatchSize: 35,
      minibatchFullEvalSteps: 5,
      maxBootstrappedDemos: 4,
      maxLabeledDemos: 4,
      zeroShot: false,
      initTemperature: 1,
      dataAware: true,
      programAware: true,
      tipAware: true,
      fewshotAware: true,
      dryRun: false,
    });
  });

  it("maxDemos sets both demo caps; 0 is zero-shot mode; explicit caps win", () => {
    expect(resolveMiproOptions({ maxDemos: 2 })).toMatchObject({
      maxBootstrappedDemos: 2,
      maxLabeledDemos: 2,
    });
    expect(resolveMiproOptions({ maxDemos: 0 }).zeroShot).toBe(true);
    expect(resolveMiproOptions({ maxDemos: 0, maxLabeledDemos: 3 })).toMatchObject({
      zeroShot: false,
      maxBootstrappedDemos: 0,
      maxLabeledDemos: 3,
    });
  });

  it("derives the number of trials as DSPy does", () => {
    // floor(max(2 · variables · log2(candidates), 1.5 · candidates))
    expect(defaultNumTrials(1, 6, false)).toBe(10); // max(10.34, 9)
    expect(defaultNumTrials(1, 6, true)).toBe(9); // max(5.17, 9)
    expect(defaultNumTrials(2, 12, false)).toBe(28); // max(28.68, 18)
    expect(defaultNumTrials(3, 18, false)).toBe(50); // max(50.03, 27)
  });

  it("rejects invalid values with a message that names them", () => {
    expect(() => new MIPRO({ numCandidates: 0 })).toThrow(/numCandidates must be a whole number >= 1/);
    expect(() => new MIPRO({ minibatchSize: 2.5 })).toThrow(/minibatchSize/);
    expect(() => new MIPRO({ maxDemos: -1 })).toThrow(/maxBootstrappedDemos/);
    expect(() => new MIPRO({ initTemperature: -1 })).toThrow(/initTemperature/);
    expect(() => new MIPRO({ auto: "huge" as "light" })).toThrow(/auto must be/);
    expect(() => new MIPRO({ programSource: "a.ts", programCode: "class A {}" })).toThrow(/not both/);
  });

  it("records its options as JSON config, without the program code itself", () => {
    const config = new MIPRO({ auto: "light", programCode: "class A {}", metricThreshold: 0.5 }).config;
    expect(config).toMatchObject({ auto: "light", numCandidates: 6, programCode: "given" });
    expect(config.metricThreshold).toBe(0.5);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it("searches a seeded subsample of at most the preset's valset size", async () => {
    const valset = reverseExamples(140);
    const context = studentTeacherContext({
      student: mockStudent(),
      teacher: mockTeacher(),
      trainset: reverseExamples(10),
      valset,
      metric: exactAnswer,
    });
    const result = await new MIPRO({ auto: "light", numTrials: 2, minibatchSize: 10 }).optimize(
      new Predict(Reverse),
      context,
    );
    expect(result.candidates[0]!.count).toBe(100);
    expect((result.details as { valsetSize: number }).valsetSize).toBe(100);
    expect(result.notes.join()).toMatch(/searched on 100 of the 140 validation examples/);
  });

  it("searches every predictor of a multi-step program (instruction and demos for each)", async () => {
    const context = studentTeacherContext({
      student: mockStudent(),
      teacher: mockTeacher(),
      trainset: reverseExamples(10),
      valset: reverseExamples(20).slice(10),
      metric: exactAnswer,
    });
    const estimate = new MIPRO({ numCandidates: 4 }).estimateCalls(new TwoStep(), context);
    expect(estimate.numTrials).toBe(defaultNumTrials(2, 4, false));
    expect(estimate.steps.proposals.calls).toBe(2 * 3);
    expect(estimate.steps.programSummary.calls).toBe(3);
  });
});
