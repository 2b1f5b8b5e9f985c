import { createRng, type Rng } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { bestUntriedConfiguration } from "../../src/mipro/best-untried-configuration.js";
import { CategoricalParzen } from "../../src/mipro/categorical-parzen.js";
import {
  type CategoricalSpace,
  type Configuration,
  type TpeOptions,
  TpeSampler,
} from "../../src/mipro/tpe-sampler.js";

type Objective = (configuration: Configuration) => number;

function run(space: CategoricalSpace, options: TpeOptions, objective: Objective, trials: number) {
  const sampler = new TpeSampler(space, options);
  const suggestions: Configuration[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const configuration = sampler.suggest();
    suggestions.push(configuration);
    sampler.observe(configuration, objective(configuration));
  }
  return { sampler, suggestions };
}

function countValues(suggestions: readonly Configuration[], parameter: string, choices: number): number[] {
  const counts = new Array<number>(choices).fill(0);
  for (const configuration of suggestions) counts[configuration[parameter]!]! += 1;
  return counts;
}

const keyOf = (configuration: Configuration) => JSON.stringify(configuration);

/** Standard normal noise (Box–Muller) from the seeded generator. */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * An additive objective: per parameter one category is worth 1, the others a random value in
 * [0, 0.6). The optimum is `parameters`; the sampler sees it through Gaussian noise (sd 0.1).
 */
function syntheticProblem(seed: number, parameters: number, choices: number) {
  const rng = createRng(`objective:${seed}`);
  const names = Array.from({ length: parameters }, (_, index) => `p${index}`);
  const values = names.map(() => {
    const best = rng.int(0, choices - 1);
    return Array.from({ length: choices }, (_, index) => (index === best ? 1 : rng.next() * 0.6));
  });
  const truth: Objective = (configuration) =>
    names.reduce((sum, name, position) => sum + values[position]![configuration[name]!]!, 0);
  const noise = createRng(`noise:${seed}`);
  const noisy: Objective = (configuration) => truth(configuration) + 0.1 * gaussian(noise);
  return { space: Object.fromEntries(names.map((name) => [name, choices])), names, truth, noisy };
}

describe("TpeSampler", () => {
  it("gives the same suggestions for the same seed and observations, and different ones for another seed", () => {
    const space = { instruction: 6, demos: 5, tip: 4 };
    const objective: Objective = (c) => c.instruction! * 0.3 - Math.abs(c.demos! - 2) + (c.tip === 1 ? 1 : 0);
    const first = run(space, { seed: 7 }, objective, 30).suggestions;
    const second = run(space, { seed: 7 }, objective, 30).suggestions;
    const reordered = run({ tip: 4, demos: 5, instruction: 6 }, { seed: 7 }, objective, 30).suggestions;
    const other = run(space, { seed: 8 }, objective, 30).suggestions;
    expect(second).toEqual(first);
    expect(reordered).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("samples the startup trials stratified and within bounds, without repeats", () => {
    const space = { a: 4, b: 6, c: 3 };
    const sampler = new TpeSampler(space, { seed: 3, startupTrials: 12 });
    const startup = Array.from({ length: 12 }, () => sampler.suggest());
    for (const configuration of startup) {
      expect(Object.keys(configuration).sort()).toEqual(["a", "b", "c"]);
      for (const [name, choices] of Object.entries(space)) {
        const value = configuration[name]!;
        expect(Number.isInteger(value) && value >= 0 && value < choices).toBe(true);
      }
    }
    // Each parameter cycles through all of its choices before repeating one.
    expect(countValues(startup, "a", 4)).toEqual([3, 3, 3, 3]);
    expect(countValues(startup, "b", 6)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(countValues(startup, "c", 3)).toEqual([4, 4, 4]);
    expect(new Set(startup.map(keyOf)).size).toBe(12);
  });

  it("stays close to uniform over many random trials", () => {
    const sampler = new TpeSampler({ a: 5, b: 7 }, { seed: 11 });
    // Without observations every suggestion is a startup trial.
    const suggestions = Array.from({ length: 30 }, () => sampler.suggest());
    for (const count of countValues(suggestions, "a", 5)) expect(count).toBe(6);
    for (const count of countValues(suggestions, "b", 7)) expect(count).toBeGreaterThanOrEqual(3);
    expect(new Set(suggestions.map(keyOf)).size).toBe(30);
  });

  it("concentrates on the good categories once the model takes over", () => {
    const space = { a: 6, b: 6, c: 6 };
    const objective: Objective = (c) => (c.a === 4 ? 1 : 0) + (c.b === 1 ? 1 : 0) + (c.c === 0 ? 1 : 0);
    const mean = (suggestions: Configuration[]) =>
      suggestions.reduce((sum, configuration) => sum + objective(configuration), 0) / suggestions.length;
    // Uniform sampling picks each good category in 1/6 of the trials (5 of 30): a mean of 0.5.
    const modelled = run(space, { seed: 5, startupTrials: 10 }, objective, 40).suggestions.slice(10);
    expect(mean(modelled)).toBeGreaterThan(1.2);
    expect(countValues(modelled, "a", 6)[4]).toBeGreaterThanOrEqual(10);
    expect(countValues(modelled, "b", 6)[1]).toBeGreaterThanOrEqual(10);
    expect(countValues(modelled, "c", 6)[0]).toBeGreaterThanOrEqual(8);
    // Allowed to repeat itself, it settles on the optimum.
    const settled = run(space, { seed: 5, startupTrials: 10, avoidRepeats: false }, objective, 40);
    expect(mean(settled.suggestions.slice(10))).toBeGreaterThan(2.5);
    expect(settled.sampler.best()?.configuration).toEqual({ a: 4, b: 1, c: 0 });
  });

  it("finds clearly better configurations than uniform random search on a noisy additive objective", () => {
    const seeds = Array.from({ length: 20 }, (_, index) => index + 1);
    const trials = 30;
    const tpeScores = seeds.map((seed) => {
      const problem = syntheticProblem(seed, 4, 7);
      const { sampler } = run(problem.space, { seed }, problem.noisy, trials);
      return problem.truth(sampler.best()!.configuration);
    });
    const randomScores = seeds.map((seed) => {
      const problem = syntheticProblem(seed, 4, 7);
      const rng = createRng(`random:${seed}`);
      let best = { observed: Number.NEGATIVE_INFINITY, truth: 0 };
      for (let trial = 0; trial < trials; trial++) {
        const configuration = Object.fromEntries(problem.names.map((name) => [name, rng.int(0, 6)]));
        const observed = problem.noisy(configuration);
        if (observed > best.observed) best = { observed, truth: problem.truth(configuration) };
      }
      return best.truth;
    });
    const mean = (scores: number[]) => scores.reduce((sum, score) => sum + score, 0) / scores.length;
    // Measured: TPE 3.67 vs random 2.83 (optimum 4); TPE better on 19 of 20 seeds.
    expect(mean(tpeScores) - mean(randomScores)).toBeGreaterThan(0.5);
    expect(
      seeds.filter((_, index) => tpeScores[index]! > randomScores[index]!).length,
    ).toBeGreaterThanOrEqual(16);
  });

  it("never repeats a configuration, pending or observed, until the space is exhausted", () => {
    const sampler = new TpeSampler({ a: 3, b: 3 }, { seed: 2, startupTrials: 2 });
    const pending = [sampler.suggest(), sampler.suggest()];
    expect(keyOf(pending[0]!)).not.toBe(keyOf(pending[1]!));
    for (const configuration of pending) sampler.observe(configuration, configuration.a!);
    const seen = new Set(pending.map(keyOf));
    for (let trial = 0; trial < 7; trial++) {
      const configuration = sampler.suggest();
      expect(seen.has(keyOf(configuration))).toBe(false);
      seen.add(keyOf(configuration));
      sampler.observe(configuration, configuration.a! + configuration.b!);
    }
    expect(seen.size).toBe(9);
    // Exhausted: the model's favourite comes back.
    expect(seen.has(keyOf(sampler.suggest()))).toBe(true);
  });

  it("repeats the model's favourite when avoidRepeats is false", () => {
    const objective: Objective = (c) => (c.a === 2 ? 1 : 0) + (c.b === 3 ? 1 : 0);
    const { suggestions } = run({ a: 4, b: 4 }, { seed: 9, avoidRepeats: false }, objective, 30);
    expect(new Set(suggestions.map(keyOf)).size).toBeLessThan(16);
    expect(suggestions.slice(20).filter((c) => objective(c) === 2).length).toBeGreaterThanOrEqual(5);
  });

  it("handles parameters with a single choice", () => {
    const only = run({ only: 1 }, { seed: 1 }, () => 1, 4).suggestions;
    expect(only).toEqual([{ only: 0 }, { only: 0 }, { only: 0 }, { only: 0 }]);
    const mixed = run({ fixed: 1, free: 3 }, { seed: 1 }, (c) => c.free!, 6).suggestions;
    expect(mixed.every((c) => c.fixed === 0)).toBe(true);
    expect(new Set(mixed.slice(0, 3).map((c) => c.free))).toEqual(new Set([0, 1, 2]));
  });

  it("reports the best observation, the earliest on ties, and keeps the history in order", () => {
    const sampler = new TpeSampler({ a: 3, b: 2 }, { seed: 4 });
    expect(sampler.best()).toBeUndefined();
    sampler.observe({ a: 0, b: 0 }, 0.2); // a baseline observed without being suggested
    sampler.observe({ a: 1, b: 1 }, 0.9);
    sampler.observe({ a: 2, b: 0 }, 0.9);
    sampler.observe({ a: 2, b: 1 }, -1);
    expect(sampler.best()).toEqual({ configuration: { a: 1, b: 1 }, score: 0.9 });
    expect(sampler.history.map((observation) => observation.score)).toEqual([0.2, 0.9, 0.9, -1]);
    expect(Object.isFrozen(sampler.history[0])).toBe(true);
    expect(Object.isFrozen(sampler.history[0]!.configuration)).toBe(true);
  });

  it("rejects invalid spaces and options with messages that say what to do", () => {
    expect(() => new TpeSampler({}, { seed: 1 })).toThrow(/at least one parameter/);
    expect(() => new TpeSampler({}, { seed: 1 })).toThrow(RangeError);
    expect(() => new TpeSampler({ a: 0 }, { seed: 1 })).toThrow(
      /"a" has 0 choices.*integer number of choices >= 1/,
    );
    expect(() => new TpeSampler({ a: 2.5 }, { seed: 1 })).toThrow(RangeError);
    expect(() => new TpeSampler({ a: Number.NaN }, { seed: 1 })).toThrow(RangeError);
    expect(() => new TpeSampler({ a: 2 }, { seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => new TpeSampler({ a: 2 }, { seed: 1, startupTrials: -1 })).toThrow(/startupTrials/);
    expect(() => new TpeSampler({ a: 2 }, { seed: 1, candidates: 0 })).toThrow(
      /candidates must be an integer >= 1/,
    );
    expect(() => new TpeSampler({ a: 2 }, { seed: 1, gamma: 0 })).toThrow(
      /gamma must be a fraction in \(0, 1\]/,
    );
    expect(() => new TpeSampler({ a: 2 }, { seed: 1, gamma: 1.5 })).toThrow(RangeError);
    expect(() => new TpeSampler({ a: 2 }, { seed: 1, priorWeight: 0 })).toThrow(/priorWeight must be/);
  });

  it("rejects invalid observations", () => {
    const sampler = new TpeSampler({ a: 3, b: 2 }, { seed: 1 });
    expect(() => sampler.observe({ a: 0, b: 0 }, Number.NaN)).toThrow(RangeError);
    expect(() => sampler.observe({ a: 0, b: 0 }, Number.NaN)).toThrow(/finite number.*worst value/);
    expect(() => sampler.observe({ a: 0, b: 0 }, "0.5" as unknown as number)).toThrow(TypeError);
    expect(() => sampler.observe({ a: 0 }, 1)).toThrow(/missing parameter "b"/);
    expect(() => sampler.observe({ a: 0, b: 0, c: 1 }, 1)).toThrow(/Unknown parameter "c".*a, b/);
    expect(() => sampler.observe({ a: 3, b: 0 }, 1)).toThrow(/"a" = 3 is out of range.*\[0, 2\]/);
    expect(() => sampler.observe({ a: 0.5, b: 0 }, 1)).toThrow(RangeError);
    expect(sampler.history).toHaveLength(0);
  });
});

describe("CategoricalParzen", () => {
  it("smooths observed frequencies with the prior weight and samples in proportion", () => {
    const parzen = new CategoricalParzen(3, [1, 1, 2], 1);
    expect(parzen.probabilities).toEqual([1 / 6, 3 / 6, 2 / 6]);
    const rng = createRng(1);
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 6000; draw++) counts[parzen.sample(rng)]! += 1;
    expect(counts[0]).toBeGreaterThan(850);
    expect(counts[0]).toBeLessThan(1150);
    expect(counts[1]).toBeGreaterThan(2800);
    expect(counts[1]).toBeLessThan(3200);
  });
});

describe("bestUntriedConfiguration", () => {
  const scores = [
    [0, 2, 1],
    [5, 0],
  ];

  it("returns the highest additive score among untried configurations", () => {
    const rng = createRng(1);
    expect(bestUntriedConfiguration(scores, new Set(), rng)).toEqual([1, 0]);
    expect(bestUntriedConfiguration(scores, new Set(["1,0"]), rng)).toEqual([2, 0]);
    expect(bestUntriedConfiguration(scores, new Set(["1,0", "2,0", "0,0"]), rng)).toEqual([1, 1]);
  });

  it("returns undefined once every configuration was tried", () => {
    const all = new Set(["0,0", "0,1", "1,0", "1,1", "2,0", "2,1"]);
    expect(bestUntriedConfiguration(scores, all, createRng(1))).toBeUndefined();
  });
});
