import { createRng, type Example, type Module, type ProgramState, sample } from "@lathe/core";
import { exampleAsDemo } from "../shared/demos.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";

export interface LabeledFewShotOptions {
  /** Training examples given to each predictor as demos. @default 16 */
  readonly k?: number;
}

/** Gives every predictor a seeded sample of `k` raw training examples as demos. */
export class LabeledFewShot implements Optimizer {
  readonly name = "labeled";
  readonly k: number;

  constructor(options: LabeledFewShotOptions = {}) {
    this.k = options.k ?? 16;
    if (!Number.isInteger(this.k) || this.k < 0)
      throw new RangeError(`k must be a whole number >= 0, got ${this.k}`);
  }

  get config(): Record<string, unknown> {
    return { k: this.k };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    return {
      state: labeledState(program, context.trainset, this.k, context.seed),
      candidates: [],
      notes: [],
    };
  }
}

/** The program's state with `k` seeded training examples as every predictor's demos. */
export function labeledState(
  program: Module,
  trainset: readonly Example[],
  k: number,
  seed: number,
): ProgramState {
  const chosen = sample(trainset, k, createRng(seed).fork("labeled"));
  return Object.fromEntries(
    program.namedPredictors().map(([path, predictor]) => [
      path,
      {
        instructions: predictor.instructions,
        demos: chosen.map((example) => exampleAsDemo(example, predictor)),
      },
    ]),
  );
}
