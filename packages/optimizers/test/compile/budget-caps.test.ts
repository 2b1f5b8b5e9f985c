import { type BudgetLimits, MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, RandomSearch } from "../../src/index.js";
import { sum } from "../support/metered-model.js";
import { meteredSim, Triage, triageScore, triageSplits } from "../support/triage-sim.js";

const { trainset, valset } = triageSplits();
const CONCURRENCY = 8;

/**
 * RandomSearch with 4 shuffles on ticket triage, seed 1. Unbudgeted it spends 515,762 tokens
 * and $0.155 (student and teacher) over 7 candidates; the caps below cut it during the third.
 */
async function compileWithin(budget: BudgetLimits) {
  const lm = meteredSim("small");
  const teacher = meteredSim("large");
  const result = await compile(new Predict(Triage), {
    optimizer: new RandomSearch({ numCandidates: 4 }),
    trainset,
    valset,
    metric: triageScore,
    lm,
    teacher,
    seed: 1,
    concurrency: CONCURRENCY,
    cache: new MemoryCache(),
    budget,
  });
  return { ...result, lm, teacher };
}

/**
 * Token and USD caps are checked before each call is sent, against what finished calls have
 * spent, so calls already sent when the cap is crossed still finish and count. Under a budget
 * RandomSearch runs one candidate at a time, whose evaluation (or bootstrap wave) has at most
 * `CONCURRENCY` calls in flight: the overshoot is below that many of the largest calls.
 */
describe("compile under token and USD budgets", () => {
  it("stops cleanly at maxTokens, keeps the best candidate so far, and says the budget stopped it", async () => {
    const cap = 150_000;
    const { report, artifact, state, lm, teacher } = await compileWithin({ maxTokens: cap });
    const spent = report.usage.total.promptTokens + report.usage.total.completionTokens;
    // The report counts exactly the tokens the models served.
    expect(spent).toBe(sum(lm.tokensPerCall) + sum(teacher.tokensPerCall));
    expect(spent).toBeGreaterThanOrEqual(cap);
    expect(spent).toBeLessThanOrEqual(
      cap + CONCURRENCY * Math.max(...lm.tokensPerCall, ...teacher.tokensPerCall),
    );
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes.join("\n")).toMatch(/random: stopped early: budget of 150000 tokens reached/);
    expect(artifact.compile.notes).toEqual(report.notes);
    // Best so far: the labeled candidate (0.900) of the two that finished, confirmed from the cache.
    expect(report.candidates.map((candidate) => candidate.id)).toEqual([
      "random/zero-shot",
      "random/labeled",
    ]);
    expect(report.candidates.find((candidate) => candidate.chosen)?.id).toBe("random/labeled");
    expect(report.final.mean).toBe(report.candidates[1]!.mean);
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean + 0.2);
    expect(state.self!.demos).toHaveLength(16);
    expect(artifact.predictors.self!.demos).toEqual(state.self!.demos);
  });

  it("stops cleanly at maxUsd, counting the teacher's spend with the student's", async () => {
    const cap = 0.04;
    const { report, artifact, lm, teacher } = await compileWithin({ maxUsd: cap });
    const spent = report.usage.total.costUsd;
    expect(spent).toBeCloseTo(sum(lm.usdPerCall) + sum(teacher.usdPerCall), 10);
    expect(spent).toBeGreaterThanOrEqual(cap);
    expect(spent).toBeLessThanOrEqual(cap + CONCURRENCY * Math.max(...lm.usdPerCall, ...teacher.usdPerCall));
    // The student alone stays under the cap: the teacher's bootstrap calls took it over.
    expect(sum(lm.usdPerCall)).toBeLessThan(cap);
    expect(report.usage.byRole.teacher!.costUsd).toBeGreaterThan(0);
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes.join("\n")).toMatch(/random: stopped early: budget of \$0\.04 reached/);
    expect(report.candidates.find((candidate) => candidate.chosen)?.id).toBe("random/labeled");
    expect(report.final.mean).toBeGreaterThan(report.baseline.mean + 0.2);
    expect(artifact.compile.usage.total.costUsd).toBeGreaterThanOrEqual(cap);
  });
});
