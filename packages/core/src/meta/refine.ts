import { Module } from "../modules/module.js";
import { Predict, type PredictConfig } from "../modules/predict.js";
import type { Settings } from "../settings/settings.js";
import type { AnySignature, InferInputs, InferOutputs } from "../signatures/signature.js";
import { assertWholeNumber } from "./check-option.js";
import {
  type CriticSignature,
  criticSignature,
  type RewriteSignature,
  rewriteSignature,
} from "./refine-signatures.js";
import { renderFields } from "./render-fields.js";
import { type Reward, scoreWith } from "./reward.js";
import { runAsProgram } from "./run-as-program.js";

export interface RefineOptions<S extends AnySignature> {
  /** Drafts at most, the first one included. @default 3 */
  readonly maxAttempts?: number;
  /** Stop as soon as an attempt scores at least this. @default 1 */
  readonly threshold?: number;
  /**
   * Scores each attempt. Without it the critic's own `score` (0..1) decides; with it the critic
   * only runs when another attempt will follow, and is told the reward.
   */
  readonly reward?: Reward<InferInputs<S>, InferOutputs<S>>;
  /** Settings for the inner predictors (e.g. their own `lm`). */
  readonly config?: PredictConfig;
}

/** One draft, its score and the critique it received (absent when none was needed). */
export interface RefineAttempt<O> {
  readonly outputs: O;
  readonly score: number;
  readonly critique?: string;
}

export interface RefineRun<O> {
  /** The best attempt's outputs (the earliest among equals). */
  readonly outputs: O;
  readonly score: number;
  /** Index of the best attempt in `attempts`. */
  readonly best: number;
  readonly attempts: readonly RefineAttempt<O>[];
  /** The critiques, in order: each one was fed to the attempt after it (if any). */
  readonly critiques: readonly string[];
}

/**
 * Self-refinement: draft, critique, rewrite with the critique as `feedback`, until an attempt
 * reaches `threshold` or `maxAttempts` drafts were made. Inner predictors: `draft`, `critic`,
 * `rewrite`. `call` returns the best outputs; `run` also returns every attempt and critique.
 */
export class Refine<S extends AnySignature> extends Module<InferInputs<S>, InferOutputs<S>> {
  readonly draft: Predict<S>;
  readonly critic: Predict<CriticSignature<S>>;
  readonly rewrite: Predict<RewriteSignature<S>>;
  readonly maxAttempts: number;
  readonly threshold: number;
  private readonly reward: Reward<InferInputs<S>, InferOutputs<S>> | undefined;

  constructor(signature: S, options: RefineOptions<S> = {}) {
    super();
    this.maxAttempts = options.maxAttempts ?? 3;
    this.threshold = options.threshold ?? 1;
    this.reward = options.reward;
    assertWholeNumber("Refine", "maxAttempts", this.maxAttempts, 1);
    this.draft = new Predict(signature, options.config);
    this.critic = new Predict(criticSignature(signature), options.config);
    this.rewrite = new Predict(rewriteSignature(signature), options.config);
  }

  override get inputFields(): readonly string[] {
    return this.draft.inputFields;
  }

  override async forward(inputs: InferInputs<S>): Promise<InferOutputs<S>> {
    return (await this.refine(inputs)).outputs;
  }

  /** Like `call`, returning the attempt history beside the best outputs. */
  run(inputs: InferInputs<S>, settings?: Settings): Promise<RefineRun<InferOutputs<S>>> {
    return runAsProgram(this, settings, () => this.refine(inputs));
  }

  private async refine(inputs: InferInputs<S>): Promise<RefineRun<InferOutputs<S>>> {
    const attempts: RefineAttempt<InferOutputs<S>>[] = [];
    for (let index = 0; index < this.maxAttempts; index++) {
      const previous = attempts.at(-1);
      // An attempt is only followed by another when it was critiqued (see `judge`).
      const outputs = previous
        ? await this.rewrite.call({
            ...inputs,
            draft: this.render(previous.outputs),
            feedback: previous.critique ?? "",
          })
        : await this.draft.call(inputs);
      const attempt = await this.judge(inputs, outputs, index === this.maxAttempts - 1);
      attempts.push(attempt);
      if (attempt.score >= this.threshold) break;
    }
    const best = attempts.reduce(
      (top, attempt, index) => (attempt.score > attempts[top]!.score ? index : top),
      0,
    );
    return {
      outputs: attempts[best]!.outputs,
      score: attempts[best]!.score,
      best,
      attempts,
      critiques: attempts.flatMap((attempt) => (attempt.critique === undefined ? [] : [attempt.critique])),
    };
  }

  /** Scores an attempt; asks the critic only when its score or its critique will be used. */
  private async judge(
    inputs: InferInputs<S>,
    outputs: InferOutputs<S>,
    last: boolean,
  ): Promise<RefineAttempt<InferOutputs<S>>> {
    const reward = this.reward ? await scoreWith(this.reward, inputs, outputs) : undefined;
    if (reward !== undefined && (reward >= this.threshold || last)) return { outputs, score: reward };
    const { critique, score } = await this.critic.call({
      ...inputs,
      draft: this.render(outputs),
      ...(reward === undefined ? {} : { reward }),
    });
    return { outputs, score: reward ?? score, critique };
  }

  private render(outputs: InferOutputs<S>): string {
    return renderFields(this.draft.signature.outputFields, outputs);
  }
}
