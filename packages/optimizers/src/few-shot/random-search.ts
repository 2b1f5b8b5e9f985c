import type { Module, ProgramState } from "@lathe/core";
import { type CandidateRecord, candidateRecord } from "../shared/candidate-record.js";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import type { BootstrapFewShotOptions } from "./bootstrap-few-shot.js";
import { type DemoSetPlan, demoSetPlans } from "./demo-set-plans.js";

export interface RandomSearchOptions extends Omit<BootstrapFewShotOptions, "teacherProgram"> {
  /** Seeded shuffled bootstrap candidates, besides the three fixed ones. @default 16 */
  readonly numCandidates?: number;
  /** Stop once a candidate's validation mean reaches this. */
  readonly stopAtScore?: number;
}

/** Candidates evaluated at once when no budget is set. */
const WAVE = 4;

/**
 * BootstrapFewShotWithRandomSearch: tries zero-shot, labeled-only, an unshuffled bootstrap,
 * then seeded shuffles of the training set with a random number of bootstrapped demos; every
 * candidate is scored on the same validation examples and the best mean wins (the earliest
 * on ties). Candidates are evaluated concurrently in fixed-size waves, so `stopAtScore` and the
 * choice never depend on timing. Under a budget they run one at a time, so the cap ends the
 * search after the last candidate that finished (in plan order) and the best of those is kept.
 */
export class RandomSearch implements Optimizer {
  readonly name = "random";
  private readonly options: RandomSearchOptions;

  constructor(options: RandomSearchOptions = {}) {
    this.options = options;
    const count = options.numCandidates ?? 16;
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`numCandidates must be a whole number >= 0, got ${count}`);
  }

  get config(): Record<string, unknown> {
    return { numCandidates: 16, maxBootstrappedDemos: 4, maxLabeledDemos: 16, ...this.options };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    const notes: string[] = [];
    const plans = this.plans(program, context);
    const candidates: Array<CandidateRecord & { state: ProgramState; scores: readonly number[] }> = [];
    let baselineScores: readonly number[] | undefined;
    let stopped = false;
    const waveSize = waveSizeFor(context);

    for (let start = 0; start < plans.length && !stopped; start += waveSize) {
      const wave = plans.slice(start, start + waveSize);
      const scored = await Promise.all(
        wave.map((plan) =>
          untilBudget(async () => {
            const state = await plan.build();
            const evaluation = await evaluateState(program, state, context.valset, context);
            return { plan, state, evaluation };
          }, notes),
        ),
      );
      for (const entry of scored) {
        if (!entry) {
          stopped = true;
          continue;
        }
        baselineScores ??= entry.evaluation.scores;
        const record = candidateRecord({
          id: `${this.name}/${entry.plan.id}`,
          optimizer: this.name,
          label: entry.plan.label,
          state: entry.state,
          evaluation: entry.evaluation,
          baselineScores,
        });
        candidates.push({ ...record, state: entry.state, scores: entry.evaluation.scores });
        context.onProgress?.({
          phase: "candidate",
          completed: candidates.length,
          total: plans.length,
          message: `${entry.plan.label}: ${record.mean.toFixed(3)}`,
        });
        if (this.options.stopAtScore !== undefined && record.mean >= this.options.stopAtScore) {
          notes.push(`stopped at candidate ${record.id}: it reached stopAtScore ${this.options.stopAtScore}`);
          stopped = true;
        }
      }
    }
    if (candidates.length === 0) {
      // The program as given is the best known configuration (compile scored it as the baseline).
      return {
        state: program.state(),
        candidates: [],
        notes: [...notes, "the budget ran out before any candidate was scored; kept the program as given"],
      };
    }
    const best = candidates.reduce((winner, candidate) =>
      candidate.mean > winner.mean ? candidate : winner,
    );
    const records = candidates.map(({ state: _state, scores: _scores, ...record }) =>
      record.id === best.id ? { ...record, chosen: true } : record,
    );
    return {
      state: best.state,
      candidates: records,
      notes,
      evaluation: { mean: best.mean, ci: best.ci, count: best.count, scores: best.scores },
    };
  }

  private plans(program: Module, context: OptimizerContext): DemoSetPlan[] {
    const {
      numCandidates = 16,
      maxBootstrappedDemos = 4,
      maxLabeledDemos = 16,
      stopAtScore: _stop,
      ...bootstrap
    } = this.options;
    return demoSetPlans(program, context, {
      maxBootstrappedDemos,
      maxLabeledDemos,
      shuffles: numCandidates,
      bootstrap,
    });
  }
}

/**
 * Concurrent candidates would share a budget cap and all be cut midway, leaving nothing scored
 * (and which finish would depend on timing); under a budget each candidate gets the rest in turn.
 */
function waveSizeFor(context: OptimizerContext): number {
  return context.student.budget || context.teacher.budget ? 1 : WAVE;
}
