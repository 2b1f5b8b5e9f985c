import { type Budget, MemoryCache, type Metric, Predict, UsageTracker } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { type CallEstimate, compile, MIPRO, type OptimizerContext } from "../../src/index.js";
import type { MeteredModel } from "../support/metered-model.js";
import { meteredSim, Triage, triageScore, triageSplits } from "../support/triage-sim.js";

const { trainset, valset } = triageSplits();
const options = { numCandidates: 4, minibatchSize: 20, numTrials: 8 };
/** The compile's own baseline and final evaluations, outside MIPRO's estimate. */
const EVALUATIONS = 2 * valset.length;

function simContext(student: MeteredModel, teacher: MeteredModel, budget?: Budget): OptimizerContext {
  const shared = { cache: new MemoryCache(), usage: new UsageTracker(), ...(budget ? { budget } : {}) };
  return {
    trainset,
    valset,
    metric: triageScore as Metric,
    seed: 1,
    concurrency: 8,
    student: { ...shared, lm: student, role: "student" },
    teacher: { ...shared, lm: teacher, role: "teacher" },
  };
}

function compileTriage(cache: MemoryCache | false, extra: { dryRun?: boolean; maxCalls?: number } = {}) {
  const lm = meteredSim("small");
  const teacher = meteredSim("large");
  const run = compile(new Predict(Triage), {
    optimizer: new MIPRO({ ...options, ...(extra.dryRun ? { dryRun: true } : {}) }),
    trainset,
    valset,
    metric: triageScore,
    lm,
    teacher,
    seed: 1,
    cache,
    ...(extra.maxCalls === undefined ? {} : { budget: { maxCalls: extra.maxCalls } }),
  });
  return run.then((result) => ({
    ...result,
    student: lm.tokensPerCall.length,
    teacher: teacher.tokensPerCall.length,
  }));
}

describe("MIPRO's dry run on the simulated model (ticket triage, seed 1)", () => {
  const estimate: CallEstimate = new MIPRO(options).estimateCalls(new Predict(Triage), { trainset, valset });

  it("returns the student and teacher estimate without calling either model", async () => {
    const student = meteredSim("small");
    const teacher = meteredSim("large");
    const program = new Predict(Triage);
    const result = await new MIPRO({ ...options, dryRun: true }).optimize(
      program,
      simContext(student, teacher),
    );
    expect(student.tokensPerCall).toHaveLength(0);
    expect(teacher.tokensPerCall).toHaveLength(0);
    expect(result.state).toEqual(program.state());
    expect(result.details).toMatchObject({
      dryRun: true,
      estimate: { student: estimate.student, teacher: estimate.teacher, total: estimate.total },
    });
    // 100 uncompiled + 8 trials × 20 + 2 full evaluations × 100; 16 bootstrap + 11 summary and proposal calls.
    expect([estimate.student, estimate.teacher]).toEqual([460, 27]);
  });

  it("inside compile, only the compile's own baseline and final evaluations call a model", async () => {
    const run = await compileTriage(false, { dryRun: true });
    expect(run.student).toBe(EVALUATIONS);
    expect(run.teacher).toBe(0);
    expect(run.report.notes.join("\n")).toMatch(
      /dry run: no LM was called; MIPRO would make about 487 calls/,
    );
  });

  it("is sane against a real run: exact without a cache, and within a factor of 2 above it with one", async () => {
    const uncached = await compileTriage(false);
    expect(uncached.student - EVALUATIONS).toBe(estimate.student);
    expect(uncached.teacher).toBe(estimate.teacher);
    // A cache serves the minibatch examples that full evaluations repeat: 220 of the 460 student calls
    // were sent on this run. The estimate stays an upper bound, never more than twice the real count.
    const cached = await compileTriage(new MemoryCache());
    const sent = cached.student - EVALUATIONS + cached.teacher;
    expect(sent).toBeLessThanOrEqual(estimate.total);
    expect(sent).toBeGreaterThanOrEqual(estimate.total / 2);
  });

  it("a budget below the estimate applies: the run stops at the cap with the best full evaluation so far", async () => {
    // The baseline (100) plus half of MIPRO's estimate.
    const maxCalls = valset.length + Math.floor(estimate.total / 2);
    const run = await compileTriage(false, { maxCalls });
    expect(run.student + run.teacher).toBe(maxCalls);
    expect(run.report.stoppedByBudget).toBe(true);
    expect(run.report.notes.join("\n")).toMatch(
      new RegExp(`mipro: stopped early: budget of ${maxCalls} calls`),
    );
    const chosen = run.report.candidates.find((candidate) => candidate.chosen);
    expect(chosen).toBeDefined();
    // No call is left to score it again: the compile reports the full evaluation MIPRO made of it.
    expect(run.report.final.mean).toBe(chosen!.mean);
    expect(run.report.notes.join("\n")).toMatch(/the final score shown is the score the optimizer measured/);
    expect(run.report.final.mean).toBeGreaterThanOrEqual(run.report.baseline.mean);
  });
});
