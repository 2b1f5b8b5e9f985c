import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { BootstrapFewShot, compile, MIPRO, type Optimizer, RandomSearch } from "../../src/index.js";
import { mockStudent, mockTeacher } from "../mipro/mock-teacher.js";
import { InFlightGauge } from "../support/in-flight-gauge.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";

const trainset = reverseExamples(16);
const valset = reverseExamples(40).slice(16);

/** Compiles with student and teacher behind one gauge; returns the gauge. */
async function peakOf(optimizer: Optimizer, concurrency: number): Promise<InFlightGauge> {
  const gauge = new InFlightGauge();
  await compile(new Predict(Reverse), {
    optimizer,
    trainset,
    valset,
    metric: exactAnswer,
    lm: gauge.wrap(mockStudent()),
    teacher: gauge.wrap(mockTeacher()),
    concurrency,
    cache: new MemoryCache(),
  });
  return gauge;
}

/**
 * The concurrency of a compile caps the LM calls in flight across everything it runs: candidate
 * waves, bootstrap waves, evaluations, teacher proposals. Each wrapped call is held for a few
 * milliseconds, so whenever more work is ready than the limit lets through, the limit fills.
 */
describe("concurrency of a compile", () => {
  it.each([2, 5])(
    "RandomSearch (four candidates at once) keeps at most %i calls in flight, and fills the limit",
    async (concurrency) => {
      const gauge = await peakOf(new RandomSearch({ numCandidates: 2 }), concurrency);
      expect(gauge.calls).toBeGreaterThan(100);
      expect(gauge.peak).toBe(concurrency);
    },
  );

  it("BootstrapFewShot's teacher wave of 8 runs is held to a limit of 3", async () => {
    const gauge = await peakOf(new BootstrapFewShot({ maxBootstrappedDemos: 4 }), 3);
    expect(gauge.peak).toBe(3);
  });

  it("MIPRO's student and teacher calls share one limit of 4", async () => {
    const gauge = await peakOf(new MIPRO({ numCandidates: 4, minibatchSize: 8, numTrials: 4 }), 4);
    expect(gauge.calls).toBeGreaterThan(50);
    expect(gauge.peak).toBe(4);
  });

  it("a limit of 1 runs every call alone", async () => {
    const gauge = await peakOf(new RandomSearch({ numCandidates: 1 }), 1);
    expect(gauge.calls).toBeGreaterThan(50);
    expect(gauge.peak).toBe(1);
  });
});
