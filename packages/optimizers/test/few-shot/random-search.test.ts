import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { RandomSearch } from "../../src/index.js";
import { testContext } from "../support/context.js";
import { exactAnswer, Reverse, reverseExamples, reverseModel } from "../support/reverse-task.js";

describe("RandomSearch", () => {
  const trainset = reverseExamples(12);
  const valset = reverseExamples(30).slice(12);

  it("tries zero-shot, labeled, unshuffled bootstrap, then numCandidates seeded shuffles", async () => {
    const program = new Predict(Reverse);
    const context = testContext({ lm: reverseModel(), trainset, valset, metric: exactAnswer });
    const result = await new RandomSearch({
      numCandidates: 3,
      maxBootstrappedDemos: 3,
      maxLabeledDemos: 4,
    }).optimize(program, context);
    expect(result.candidates.map((candidate) => candidate.id)).toEqual([
      "random/zero-shot",
      "random/labeled",
      "random/bootstrap",
      "random/shuffled-0",
      "random/shuffled-1",
      "random/shuffled-2",
    ]);
    const [zeroShot, labeled, bootstrap, ...shuffled] = result.candidates;
    expect(zeroShot!.demoCounts).toEqual({ self: 0 });
    expect(zeroShot!.mean).toBe(0);
    expect(labeled!.demoCounts).toEqual({ self: 4 });
    expect(bootstrap!.demoCounts).toEqual({ self: 4 });
    for (const candidate of shuffled) {
      expect(candidate.label).toMatch(/bootstrap \(shuffle \d, [1-3] demos\)/);
      expect(candidate.count).toBe(valset.length);
      expect(candidate.ci.low).toBeLessThanOrEqual(candidate.mean);
      expect(candidate.ci.high).toBeGreaterThanOrEqual(candidate.mean);
      // Paired against the zero-shot scores on the same examples.
      expect(candidate.vsBaseline!.mean).toBeCloseTo(candidate.mean - zeroShot!.mean, 10);
    }
    const chosen = result.candidates.filter((candidate) => candidate.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.mean).toBe(Math.max(...result.candidates.map((candidate) => candidate.mean)));
    expect(result.state.self!.demos.length).toBe(chosen[0]!.demoCounts.self);
  });

  it("is deterministic under a seed", async () => {
    const run = () =>
      new RandomSearch({ numCandidates: 4 }).optimize(
        new Predict(Reverse),
        testContext({ lm: reverseModel(), trainset, valset, metric: exactAnswer, seed: 11 }),
      );
    const [first, second] = [await run(), await run()];
    expect(second.state).toEqual(first.state);
    expect(second.candidates).toEqual(first.candidates);
  });

  it("stops once a candidate reaches stopAtScore, after finishing its wave", async () => {
    const program = new Predict(Reverse);
    const context = testContext({ lm: reverseModel(), trainset, valset, metric: exactAnswer });
    const result = await new RandomSearch({ numCandidates: 16, stopAtScore: 1 }).optimize(program, context);
    // The labeled candidate (second) reaches 1.0; its wave of four finishes, then the search stops.
    expect(result.candidates).toHaveLength(4);
    expect(result.notes.join()).toMatch(/stopAtScore 1/);
    expect(result.candidates.find((candidate) => candidate.chosen)!.id).toBe("random/labeled");
  });
});
