import type { Module } from "@lathe/core";
import { nothingToTune } from "../reflective/nothing-to-tune.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import { gepaResult } from "./gepa-result.js";
import { GEPARun } from "./gepa-run.js";

export interface GEPAOptions {
  /** Most metric calls (one per example scored) plus teacher calls for the whole run; never exceeded. @default 500 */
  readonly maxMetricCalls?: number;
  /** Training examples the parent and the child are compared on per proposal. @default 3 */
  readonly minibatchSize?: number;
  /** After new candidates are found, try merging two descendants of a common ancestor. @default false */
  readonly merge?: boolean;
  /** Most merges attempted. @default 5 */
  readonly maxMerges?: number;
  /** Skip reflection when the parent already scores 1 on every minibatch example. @default true */
  readonly skipPerfect?: boolean;
  /**
   * Show the teacher each example's expected outputs even when the metric gave feedback; without
   * feedback they are always shown. @default false
   */
  readonly showExpected?: boolean;
  /** Stop after this many iterations even with budget left. @default no limit */
  readonly maxIterations?: number;
}

const DEFAULTS = {
  maxMetricCalls: 500,
  minibatchSize: 3,
  merge: false,
  maxMerges: 5,
  skipPerfect: true,
  showExpected: false,
};

/**
 * GEPA (reflective prompt evolution): a pool of candidates scored per validation example; each
 * iteration picks a parent from the per-example Pareto front (weighted by the examples it leads),
 * a predictor round-robin, runs the parent on a minibatch with traces, has the teacher reflect on
 * the outputs and feedback to write a new instruction, and keeps the child if it strictly beats
 * the parent on that minibatch; kept children are scored on the whole valset and join the pool.
 */
export class GEPA implements Optimizer {
  readonly name = "gepa";
  private readonly options: typeof DEFAULTS & GEPAOptions;

  constructor(options: GEPAOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    for (const name of ["maxMetricCalls", "minibatchSize", "maxMerges", "maxIterations"] as const) {
      const value = this.options[name];
      if (value !== undefined && (!Number.isInteger(value) || value < (name === "minibatchSize" ? 1 : 0)))
        throw new RangeError(
          `${name} must be a whole number >= ${name === "minibatchSize" ? 1 : 0}, got ${value}`,
        );
    }
  }

  get config(): Record<string, unknown> {
    return { ...this.options };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    const empty = nothingToTune(program);
    if (empty) return empty;
    const run = new GEPARun(program, context, this.options);
    if (!(await run.seed())) {
      return { state: program.state(), candidates: [], notes: [...run.notes, "the program is unchanged"] };
    }
    for (let iteration = 1; ; iteration++) {
      if (this.options.maxIterations !== undefined && iteration > this.options.maxIterations) break;
      if ((await run.iterate(iteration)) === "stop") break;
    }
    return gepaResult(run.pool, run.proposals, run.budget, run.notes);
  }
}
