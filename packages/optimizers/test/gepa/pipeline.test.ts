import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { BootstrapFewShot, compile, GEPA } from "../../src/index.js";
import { countedSim, Triage, triageData, triageScore } from "../reflective/sim-triage.js";

const { trainset, valset } = triageData();

function pipelineCompile(cache: MemoryCache, maxCalls: number) {
  const [student, teacher] = [countedSim("small"), countedSim("large")];
  const run = compile(new Predict(Triage), {
    optimizer: [
      new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }),
      new GEPA({ maxMetricCalls: 250 }),
    ],
    trainset,
    valset,
    metric: triageScore,
    lm: student,
    teacher,
    seed: 3,
    cache,
    budget: { maxCalls },
  });
  return run.then((result) => ({ ...result, calls: student.calls + teacher.calls }));
}

describe("BootstrapFewShot → GEPA", () => {
  it("keeps the bootstrapped demos while GEPA rewrites the instruction, and replays from the cache for free", async () => {
    const cache = new MemoryCache();
    const first = await pipelineCompile(cache, 2000);
    const bootstrapOnly = await compile(new Predict(Triage), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }),
      trainset,
      valset,
      metric: triageScore,
      lm: countedSim("small"),
      teacher: countedSim("large"),
      seed: 3,
      cache,
    });
    expect(first.state.self!.demos).toHaveLength(2);
    expect(first.state.self!.demos).toEqual(bootstrapOnly.state.self!.demos);
    expect(first.state.self!.instructions).not.toBe(Triage.instructions);
    expect(first.report.optimizers).toEqual(["bootstrap", "gepa"]);
    expect((first.report.details.gepa as { accepted: number }).accepted).toBeGreaterThan(0);
    expect(first.report.final.mean).toBeGreaterThan(bootstrapOnly.report.final.mean);
    // One budget for both optimizers and the compile's own evaluations.
    expect(first.report.usage.total.calls).toBe(first.calls);
    expect(first.calls).toBeLessThanOrEqual(2000);

    const second = await pipelineCompile(cache, 2000);
    expect(second.calls).toBe(0);
    expect(second.state).toEqual(first.state);
    expect(second.artifact.contentHash).not.toBe(""); // fingerprinted
    expect(second.report.candidates).toEqual(first.report.candidates);
  });

  it("shares one call budget: what bootstrapping spends, GEPA cannot", async () => {
    const { report, calls, state } = await pipelineCompile(new MemoryCache(), 150);
    expect(calls).toBeLessThanOrEqual(150);
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes.join("\n")).toMatch(/gepa: stopped early: .*150 calls/);
    expect(state.self!.demos).toHaveLength(2);
  });
});
