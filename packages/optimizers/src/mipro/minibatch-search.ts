import {
  createRng,
  type EvaluationResult,
  type Example,
  type Module,
  type ProgramState,
  sample,
} from "@lathe/core";
import { evaluateState } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import {
  type Choice,
  categoricalSpace,
  choiceKey,
  choiceOf,
  configurationOf,
  defaultChoice,
  type SearchSpace,
  stateOf,
} from "./search-space.js";
import { TpeSampler } from "./tpe-sampler.js";

export interface MinibatchSearchOptions {
  readonly numTrials: number;
  readonly minibatchSize: number;
  readonly minibatchFullEvalSteps: number;
}

export interface TrialRecord {
  /** 1-based. */
  readonly trial: number;
  readonly choice: Choice;
  /** Indices into the search's valset. */
  readonly minibatch: readonly number[];
  readonly score: number;
}

export interface FullEvaluation {
  readonly id: string;
  readonly choice: Choice;
  readonly state: ProgramState;
  /** Trials run before it (0: before the search). */
  readonly afterTrial: number;
  readonly evaluation: EvaluationResult;
}

/**
 * MIPRO's search: a seeded TPE proposes configurations, each scored on a seeded minibatch of
 * the valset; every `minibatchFullEvalSteps` trials and after the last, the untested
 * configuration with the best mean minibatch score is evaluated on the whole valset. The logs
 * grow as it goes, so a budget stop leaves every finished evaluation in place.
 */
export class MinibatchSearch {
  readonly trials: TrialRecord[] = [];
  readonly fullEvaluations: FullEvaluation[] = [];
  readonly notes: string[] = [];
  private readonly minibatchScores = new Map<string, { choice: Choice; scores: number[] }>();
  private readonly fullyEvaluated = new Set<string>();

  constructor(
    private readonly program: Module,
    private readonly context: OptimizerContext,
    private readonly space: SearchSpace,
    private readonly valset: readonly Example[],
    private readonly options: MinibatchSearchOptions,
  ) {}

  /** The full evaluation with the best mean (the earliest on ties, so the uncompiled program wins them). */
  best(): FullEvaluation | undefined {
    return this.fullEvaluations.reduce<FullEvaluation | undefined>(
      (winner, entry) =>
        winner === undefined || entry.evaluation.mean > winner.evaluation.mean ? entry : winner,
      undefined,
    );
  }

  /** Evaluates the uncompiled program (configuration zero) on the whole valset. */
  async evaluateDefault(): Promise<FullEvaluation> {
    return this.evaluateFully(defaultChoice(this.space), "mipro/uncompiled");
  }

  async run(): Promise<void> {
    const parameters = categoricalSpace(this.space);
    if (Object.keys(parameters).length === 0 || this.options.numTrials === 0) return;
    const { numTrials, minibatchFullEvalSteps } = this.options;
    // A third of the trials (3 to 10) explore at random before the model guides the search;
    // Optuna's fixed 10 would leave a light run (about 10 trials) entirely random.
    const sampler = new TpeSampler(parameters, {
      seed: createRng(this.context.seed)
        .fork("mipro:tpe")
        .int(0, 2 ** 31 - 1),
      startupTrials: Math.min(10, Math.max(3, Math.ceil(numTrials / 3))),
    });
    const uncompiled = this.fullEvaluations.find((entry) => entry.id === "mipro/uncompiled");
    if (uncompiled)
      sampler.observe(configurationOf(this.space, uncompiled.choice), uncompiled.evaluation.mean);
    const whole = this.options.minibatchSize >= this.valset.length;
    const size = Object.values(parameters).reduce((product, choices) => product * choices, 1);
    for (let trial = 1; trial <= numTrials; trial++) {
      if (this.fullyEvaluated.size >= size) {
        this.notes.push(
          `all ${size} configurations were fully evaluated after ${trial - 1} trials; the search stopped`,
        );
        break;
      }
      const configuration = sampler.suggest();
      const choice = choiceOf(this.space, configuration);
      const minibatch = whole
        ? this.valset.map((_, index) => index)
        : sample(
            this.valset.map((_, index) => index),
            this.options.minibatchSize,
            createRng(this.context.seed).fork(`mipro:minibatch:${trial}`),
          ).sort((a, b) => a - b);
      const examples = minibatch.map((index) => this.valset[index]!);
      const evaluation = await evaluateState(
        this.program,
        stateOf(this.space, choice),
        examples,
        this.context,
      );
      sampler.observe(configuration, evaluation.mean);
      this.trials.push({ trial, choice, minibatch, score: evaluation.mean });
      const key = choiceKey(choice);
      const entry = this.minibatchScores.get(key) ?? { choice, scores: [] };
      entry.scores.push(evaluation.mean);
      this.minibatchScores.set(key, entry);
      this.context.onProgress?.({
        phase: "trial",
        completed: trial,
        total: numTrials,
        message: `minibatch score ${evaluation.mean.toFixed(3)}`,
      });
      if (whole) {
        // The minibatch is the whole valset: the trial is its full evaluation.
        if (!this.fullyEvaluated.has(key)) this.record(choice, `mipro/full-${trial}`, evaluation);
      } else if (trial % minibatchFullEvalSteps === 0 || trial === numTrials) {
        const promising = this.bestUntested();
        if (promising) await this.evaluateFully(promising, `mipro/full-${trial}`);
      }
    }
  }

  /** The configuration with the highest mean minibatch score that has no full evaluation yet. */
  private bestUntested(): Choice | undefined {
    let best: { choice: Choice; mean: number } | undefined;
    for (const [key, { choice, scores }] of this.minibatchScores) {
      if (this.fullyEvaluated.has(key)) continue;
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      if (best === undefined || mean > best.mean) best = { choice, mean };
    }
    return best?.choice;
  }

  private async evaluateFully(choice: Choice, id: string): Promise<FullEvaluation> {
    const evaluation = await evaluateState(
      this.program,
      stateOf(this.space, choice),
      this.valset,
      this.context,
    );
    return this.record(choice, id, evaluation);
  }

  private record(choice: Choice, id: string, evaluation: EvaluationResult): FullEvaluation {
    const entry: FullEvaluation = {
      id,
      choice,
      state: stateOf(this.space, choice),
      afterTrial: this.trials.length,
      evaluation,
    };
    this.fullEvaluations.push(entry);
    this.fullyEvaluated.add(choiceKey(choice));
    this.context.onProgress?.({
      phase: "full-evaluation",
      completed: this.fullEvaluations.length,
      total: this.fullEvaluations.length,
      message: `${id}: ${evaluation.mean.toFixed(3)}`,
    });
    return entry;
  }
}
