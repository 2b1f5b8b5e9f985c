import { createRng, type Rng } from "@lathe/core";
import { bestUntriedConfiguration } from "./best-untried-configuration.js";
import { CategoricalParzen } from "./categorical-parzen.js";
import {
  type CategoricalSpace,
  type Configuration,
  configurationKey,
  type ParsedSpace,
  parseSpace,
  toConfiguration,
  toIndices,
} from "./categorical-space.js";

export type { CategoricalSpace, Configuration } from "./categorical-space.js";

export interface TpeOptions {
  /** Seed of every random choice: the same seed and the same calls give the same suggestions. */
  seed: number;
  /**
   * Observations gathered by stratified random sampling (each parameter uses every choice once,
   * in random order, before reusing one) before the model is used; capped at the size of the space.
   * @default 10
   */
  startupTrials?: number;
  /**
   * Fraction of observations that form the "good" density l(x): the best `ceil(gamma · n)` of n
   * (at least one); the rest form g(x).
   * @default 0.25
   */
  gamma?: number;
  /** Candidates drawn from l(x) per suggestion; the one maximising l(x)/g(x) wins. @default 24 */
  candidates?: number;
  /** Pseudo-count added to every category of l(x) and g(x), so none is ever ruled out. @default 1 */
  priorWeight?: number;
  /**
   * Never suggest a configuration that was already suggested or observed while untried ones
   * remain; once the space is exhausted, the model's favourite is suggested again.
   * @default true
   */
  avoidRepeats?: boolean;
}

export interface Observation {
  readonly configuration: Configuration;
  readonly score: number;
}

interface Candidate {
  readonly indices: number[];
  readonly acquisition: number;
  readonly tieBreak: number;
}

/**
 * A seeded Tree-structured Parzen Estimator over independent categorical parameters (as in
 * hyperopt and Optuna): observations are split into the best `gamma` fraction and the rest,
 * each parameter gets a smoothed category density per group, l(x) and g(x), and the next
 * configuration is the candidate drawn from l(x) that maximises Σ log l(x)/g(x). Higher scores
 * are better.
 */
export class TpeSampler {
  private readonly space: ParsedSpace;
  private readonly rng: Rng;
  private readonly startupTrials: number;
  private readonly gamma: number;
  private readonly candidates: number;
  private readonly priorWeight: number;
  private readonly avoidRepeats: boolean;
  private readonly observations: Observation[] = [];
  private readonly observedIndices: number[][] = [];
  private readonly tried = new Set<string>();
  private suggestions = 0;
  /** Per parameter, the choices not yet drawn in the current round of startup trials. */
  private readonly startupBags: Set<number>[];

  constructor(space: CategoricalSpace, options: TpeOptions) {
    this.space = parseSpace(space);
    const { seed, startupTrials = 10, gamma = 0.25, candidates = 24, priorWeight = 1 } = options;
    requireInteger("seed", seed, Number.MIN_SAFE_INTEGER, "an integer");
    requireInteger("startupTrials", startupTrials, 0, "an integer >= 0");
    requireInteger("candidates", candidates, 1, "an integer >= 1");
    if (!(gamma > 0 && gamma <= 1)) {
      throw new RangeError(`gamma must be a fraction in (0, 1], got ${gamma}; 0.25 is a good start`);
    }
    if (!(priorWeight > 0 && Number.isFinite(priorWeight))) {
      throw new RangeError(`priorWeight must be a finite number > 0, got ${priorWeight}; 1 is a good start`);
    }
    this.rng = createRng(seed);
    // The model needs at least one observation, and never more random trials than configurations.
    this.startupTrials = Math.max(1, Math.min(startupTrials, this.space.size));
    this.gamma = gamma;
    this.candidates = candidates;
    this.priorWeight = priorWeight;
    this.avoidRepeats = options.avoidRepeats ?? true;
    this.startupBags = this.space.choices.map(() => new Set());
  }

  /** Every observation, in the order it was made. */
  get history(): readonly Observation[] {
    return this.observations;
  }

  /** The next configuration to try. Each call counts, so call it once per trial. */
  suggest(): Configuration {
    const rng = this.rng.fork(`suggest:${this.suggestions}`);
    const indices =
      this.observations.length < this.startupTrials ? this.startupIndices(rng) : this.modelIndices(rng);
    this.suggestions++;
    this.tried.add(configurationKey(indices));
    return toConfiguration(this.space, indices);
  }

  /** Records the score (higher is better) of a configuration, suggested or not. */
  observe(configuration: Configuration, score: number): void {
    if (typeof score !== "number") {
      throw new TypeError(`score must be a number, got ${typeof score}`);
    }
    if (!Number.isFinite(score)) {
      throw new RangeError(
        `score must be a finite number, got ${score}; record a failed trial with the metric's worst value (e.g. 0)`,
      );
    }
    const indices = toIndices(this.space, configuration);
    this.observations.push(Object.freeze({ configuration: toConfiguration(this.space, indices), score }));
    this.observedIndices.push(indices);
    this.tried.add(configurationKey(indices));
  }

  /** The highest-scoring observation (the earliest on ties), or `undefined` before any. */
  best(): Observation | undefined {
    let best: Observation | undefined;
    for (const observation of this.observations) {
      if (best === undefined || observation.score > best.score) best = observation;
    }
    return best;
  }

  /**
   * A stratified random draw: each parameter keeps a bag of the choices it has not used in its
   * current round and draws from it (refilled when empty), preferring untried combinations.
   */
  private startupIndices(rng: Rng): number[] {
    const scores = this.startupBags.map((bag, position) => {
      const choices = range(this.space.choices[position]!);
      if (bag.size === 0) for (const index of choices) bag.add(index);
      return choices.map((index) => (bag.has(index) ? 1 : 0));
    });
    const tried = this.mayAvoidRepeats() ? this.tried : new Set<string>();
    const indices = bestUntriedConfiguration(scores, tried, rng)!; // something is untried: see `tried`
    for (const [position, index] of indices.entries()) this.startupBags[position]!.delete(index);
    return indices;
  }

  private modelIndices(rng: Rng): number[] {
    const { good, bad } = this.split();
    const densities = this.space.choices.map((count, position) => {
      const l = new CategoricalParzen(
        count,
        good.map((indices) => indices[position]!),
        this.priorWeight,
      );
      const g = new CategoricalParzen(
        count,
        bad.map((indices) => indices[position]!),
        this.priorWeight,
      );
      return { l, scores: range(count).map((index) => l.logDensity(index) - g.logDensity(index)) };
    });
    const candidates: Candidate[] = range(this.candidates).map(() => {
      const indices = densities.map(({ l }) => l.sample(rng));
      const acquisition = indices.reduce(
        (sum, index, position) => sum + densities[position]!.scores[index]!,
        0,
      );
      return { indices, acquisition, tieBreak: rng.next() };
    });
    candidates.sort((a, b) => b.acquisition - a.acquisition || a.tieBreak - b.tieBreak);
    if (!this.mayAvoidRepeats()) return candidates[0]!.indices;
    const untried = candidates.find((candidate) => !this.tried.has(configurationKey(candidate.indices)));
    // Every candidate was tried: fall back to the best untried configuration under l(x)/g(x).
    const scores = densities.map((density) => density.scores);
    return untried?.indices ?? bestUntriedConfiguration(scores, this.tried, rng)!;
  }

  /** The best `ceil(gamma · n)` observations (earliest first on equal scores) and the rest. */
  private split(): { good: number[][]; bad: number[][] } {
    const ranked = this.observations
      .map((observation, order) => ({ score: observation.score, order }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ order }) => this.observedIndices[order]!);
    const goodCount = Math.min(ranked.length, Math.max(1, Math.ceil(this.gamma * ranked.length)));
    return { good: ranked.slice(0, goodCount), bad: ranked.slice(goodCount) };
  }

  /** Whether repeats are to be avoided and some configuration is still untried. */
  private mayAvoidRepeats(): boolean {
    return this.avoidRepeats && this.tried.size < this.space.size;
  }
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

function requireInteger(name: string, value: number, minimum: number, expected: string): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be ${expected}, got ${String(value)}`);
  }
}
