import { createRng, type Module, sample } from "@lathe/core";
import { confirmOnValset } from "../reflective/confirm-on-valset.js";
import { fixedSubset } from "../reflective/fixed-subset.js";
import { nothingToTune } from "../reflective/nothing-to-tune.js";
import { defaultTaskDescription } from "../reflective/step-description.js";
import { candidateRecord } from "../shared/candidate-record.js";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import { type OPROProposal, oproStep, type ScoredState } from "./opro-step.js";
import type { ScoredInstruction } from "./scored-instructions.js";

export interface OPROOptions {
  /** Optimization steps; each proposes instructions for one predictor (round-robin). @default 5 */
  readonly numSteps?: number;
  /** Instructions sampled from the teacher per step. @default 4 */
  readonly samplesPerStep?: number;
  /** Teacher temperature for the samples (each has its own rollout id). @default 1 */
  readonly temperature?: number;
  /** Size of the fixed, seeded valset subset every proposal is scored on. @default 40 */
  readonly evalSubsetSize?: number;
  /** Labelled training examples shown to the teacher per step. @default 3 */
  readonly numExamplesShown?: number;
  /** Past (instruction, score) pairs shown, the best ones, in ascending order. @default 20 */
  readonly maxHistory?: number;
  /** Best-on-subset configurations re-scored on the whole valset to make the final choice. @default 3 */
  readonly finalCandidates?: number;
  /** What the program is for, shown to the teacher. @default a summary of the program's steps and fields */
  readonly taskDescription?: string;
}

const DEFAULTS = {
  numSteps: 5,
  samplesPerStep: 4,
  temperature: 1,
  evalSubsetSize: 40,
  numExamplesShown: 3,
  maxHistory: 20,
  finalCandidates: 3,
};

/**
 * OPRO (Optimization by PROmpting): the teacher sees earlier instructions with their scores in
 * ascending order plus a few labelled examples, and samples new instructions; each is scored on
 * the same fixed subset. The best few are re-scored on the whole valset for the final choice.
 */
export class OPRO implements Optimizer {
  readonly name = "opro";
  private readonly options: Required<Omit<OPROOptions, "taskDescription">> & OPROOptions;

  constructor(options: OPROOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    for (const name of [
      "numSteps",
      "samplesPerStep",
      "evalSubsetSize",
      "numExamplesShown",
      "maxHistory",
      "finalCandidates",
    ] as const) {
      const value = this.options[name];
      const least = name === "numSteps" || name === "numExamplesShown" ? 0 : 1;
      if (!Number.isInteger(value) || value < least)
        throw new RangeError(`${name} must be a whole number >= ${least}, got ${value}`);
    }
    if (!(this.options.temperature >= 0))
      throw new RangeError(`temperature must be >= 0, got ${this.options.temperature}`);
  }

  get config(): Record<string, unknown> {
    return { ...this.options };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    const empty = nothingToTune(program);
    if (empty) return empty;
    const options = this.options;
    const rng = createRng(context.seed).fork("opro");
    const subset = fixedSubset(context.valset, options.evalSubsetSize, rng.fork("subset"));
    const notes: string[] = [];
    const original = program.state();
    const evaluation = await untilBudget(() => evaluateState(program, original, subset, context), notes);
    if (!evaluation) {
      return {
        state: original,
        candidates: [],
        notes: [...notes, "the original instructions could not be scored"],
      };
    }
    const start: ScoredState = {
      id: "opro/original",
      label: "original instructions",
      state: original,
      evaluation,
    };
    const histories = new Map<string, ScoredInstruction[]>(
      Object.entries(original).map(([path, predictor]) => [
        path,
        [{ instruction: predictor.instructions, score: evaluation.mean }],
      ]),
    );
    const paths = [...histories.keys()];
    const scored: ScoredState[] = [start];
    const proposals: OPROProposal[] = [];
    let best = start;

    for (let step = 1; step <= options.numSteps; step++) {
      const path = paths[(step - 1) % paths.length]!;
      const result = await oproStep({
        program,
        best,
        path,
        step,
        history: histories.get(path)!,
        subset,
        examples: sample(context.trainset, options.numExamplesShown, rng.fork(`examples:${step}`)),
        taskDescription: options.taskDescription ?? defaultTaskDescription(program),
        samples: options.samplesPerStep,
        temperature: options.temperature,
        maxHistory: options.maxHistory,
        context,
        notes,
      });
      proposals.push(...result.proposals);
      scored.push(...result.scored);
      best = result.best;
      context.onProgress?.({
        phase: "opro",
        completed: step,
        total: options.numSteps,
        message: `step ${step}: best ${best.evaluation.mean.toFixed(3)}`,
      });
      if (result.stopped) break;
    }

    const finalists = [...scored]
      .sort((a, b) => b.evaluation.mean - a.evaluation.mean)
      .slice(0, options.finalCandidates);
    const confirmation =
      finalists.length > 1 && subset.length < context.valset.length
        ? await confirmOnValset(program, finalists, context, notes)
        : undefined;
    const chosen = confirmation ? finalists[confirmation.chosen]! : best;
    const candidates = scored.map((entry) => {
      const proposal = proposals.find((each) => each.id === entry.id);
      return {
        ...candidateRecord({
          id: entry.id,
          optimizer: this.name,
          label: entry.label,
          state: entry.state,
          evaluation: entry.evaluation,
          baselineScores: evaluation.scores,
          ...(proposal ? { note: proposal.reason } : {}),
        }),
        ...(entry.id === chosen.id ? { chosen: true } : {}),
      };
    });
    return {
      state: chosen.state,
      candidates,
      notes,
      details: {
        subset: { size: subset.length, of: context.valset.length },
        proposals: proposals.map((proposal) => ({ ...proposal })),
        accepted: proposals.filter((proposal) => proposal.accepted).length,
        ...(confirmation ? { confirmation: confirmation.scores } : {}),
        chosen: chosen.id,
      },
    };
  }
}
