import { BudgetExceededError } from "../budget/budget-exceeded-error.js";
import { Module } from "../modules/module.js";
import type { Settings } from "../settings/settings.js";
import { assertPositive, assertWholeNumber } from "./check-option.js";
import { type Reward, scoreWith } from "./reward.js";
import { rolloutSettings } from "./rollout.js";
import { runAsProgram } from "./run-as-program.js";

export interface BestOfNOptions<I, O> {
  /** Rollouts at most. */
  readonly n: number;
  readonly reward: Reward<I, O>;
  /** Stop at the first rollout scoring at least this. @default none: all `n` run */
  readonly threshold?: number;
  /** Sampling temperature of the rollouts; must be above 0. @default 1 */
  readonly temperature?: number;
  /** Rollouts that may throw (they are recorded and skipped) before the error is raised. @default n */
  readonly maxErrors?: number;
}

/** One rollout: its outputs and score, or the error it raised. */
export type Rollout<O> =
  | { readonly rolloutId: number; readonly outputs: O; readonly score: number }
  | { readonly rolloutId: number; readonly error: string };

export interface BestOfNRun<O> {
  readonly outputs: O;
  readonly score: number;
  /** Index of the best rollout in `rollouts` (the earliest among equals). */
  readonly best: number;
  readonly rollouts: readonly Rollout<O>[];
}

/**
 * Runs a module up to `n` times at temperature > 0, each with its own rollout id (0..n-1, so
 * every sample is cached apart), scores each with `reward`, stops early at `threshold` and
 * returns the best. The module's predictors keep their paths under `module`.
 */
export class BestOfN<I extends object, O extends object> extends Module<I, O> {
  readonly module: Module<I, O>;
  readonly n: number;
  readonly threshold: number;
  readonly temperature: number;
  private readonly reward: Reward<I, O>;
  private readonly maxErrors: number;

  constructor(module: Module<I, O>, options: BestOfNOptions<I, O>) {
    super();
    this.module = module;
    this.n = options.n;
    this.threshold = options.threshold ?? Number.POSITIVE_INFINITY;
    this.temperature = options.temperature ?? 1;
    this.reward = options.reward;
    this.maxErrors = options.maxErrors ?? options.n;
    assertWholeNumber("BestOfN", "n", this.n, 1);
    assertWholeNumber("BestOfN", "maxErrors", this.maxErrors, 0);
    assertPositive("BestOfN", "temperature", this.temperature);
    if (typeof this.reward !== "function") throw new TypeError("BestOfN needs a reward function");
  }

  override get inputFields(): readonly string[] | undefined {
    return this.module.inputFields;
  }

  override async forward(inputs: I): Promise<O> {
    return (await this.sample(inputs)).outputs;
  }

  /** Like `call`, returning every rollout beside the best. */
  run(inputs: I, settings?: Settings): Promise<BestOfNRun<O>> {
    return runAsProgram(this, settings, () => this.sample(inputs));
  }

  private async sample(inputs: I): Promise<BestOfNRun<O>> {
    const rollouts: Rollout<O>[] = [];
    let best: { index: number; outputs: O; score: number } | undefined;
    let errors = 0;
    let lastError: unknown;
    for (let index = 0; index < this.n; index++) {
      const settings = rolloutSettings(index, this.n, this.temperature);
      const { rolloutId } = settings;
      try {
        const outputs = await this.module.call(inputs, settings);
        const score = await scoreWith(this.reward, inputs, outputs);
        rollouts.push({ rolloutId, outputs, score });
        if (!best || score > best.score) best = { index: rollouts.length - 1, outputs, score };
        if (score >= this.threshold) break;
      } catch (error) {
        errors++;
        if (BudgetExceededError.isInstance(error) || errors > this.maxErrors) throw error;
        rollouts.push({ rolloutId, error: error instanceof Error ? error.message : String(error) });
        lastError = error;
      }
    }
    if (!best) throw lastError;
    return { outputs: best.outputs, score: best.score, best: best.index, rollouts };
  }
}
