import {
  BudgetExceededError,
  createRng,
  type Demo,
  type Example,
  LatheError,
  type Module,
  normalizeMetricResult,
  type ProgramState,
  programInputs,
  shuffled,
  type TraceEntry,
  traced,
  withSettings,
} from "@lathe/core";
import { exampleAsDemo } from "../shared/demos.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import { labeledState } from "./labeled-few-shot.js";

export interface BootstrapFewShotOptions {
  /** Demos taken from successful teacher traces, per predictor. @default 4 */
  readonly maxBootstrappedDemos?: number;
  /** Total demos per predictor, topped up with raw training examples. @default 16 */
  readonly maxLabeledDemos?: number;
  /** Passes over the training set; passes after the first sample at temperature 1. @default 1 */
  readonly maxRounds?: number;
  /** Score a teacher run needs to count as a success. @default any score > 0 (a passing boolean metric) */
  readonly metricThreshold?: number;
  /** Teacher runs that may fail (throw) before bootstrapping stops. @default 10 */
  readonly maxErrors?: number;
  /** The program that generates traces. @default the student with `maxLabeledDemos` labeled demos */
  readonly teacherProgram?: Module;
  /** Use the compile's teacher LM for the traces rather than the student's. @default true when a teacher is set */
  readonly useTeacherLm?: boolean;
}

/** Where a bootstrapped demo set came from, for reports and tests. */
export interface BootstrapOutcome {
  readonly state: ProgramState;
  /** Indices (into the training set) of the examples whose traces became demos. */
  readonly successes: readonly number[];
  /** Indices of examples the teacher ran on. */
  readonly attempted: readonly number[];
  readonly errors: number;
  readonly notes: readonly string[];
}

/**
 * Runs a teacher over training examples; when the metric accepts a run, every step of its
 * trace becomes a demo for the predictor that made it. Examples run concurrently but are
 * accepted in training-set order, so the result does not depend on timing.
 */
export class BootstrapFewShot implements Optimizer {
  readonly name = "bootstrap";
  private readonly options: Required<
    Omit<BootstrapFewShotOptions, "metricThreshold" | "teacherProgram" | "useTeacherLm">
  > &
    BootstrapFewShotOptions;

  constructor(options: BootstrapFewShotOptions = {}) {
    this.options = { maxBootstrappedDemos: 4, maxLabeledDemos: 16, maxRounds: 1, maxErrors: 10, ...options };
    for (const name of ["maxBootstrappedDemos", "maxLabeledDemos", "maxRounds", "maxErrors"] as const) {
      const value = this.options[name];
      if (!Number.isInteger(value) || value < 0)
        throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
    }
  }

  get config(): Record<string, unknown> {
    const { teacherProgram, ...rest } = this.options;
    return { ...rest, ...(teacherProgram ? { teacherProgram: "custom" } : {}) };
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    const outcome = await this.bootstrap(program, context.trainset, context);
    return {
      state: outcome.state,
      candidates: [],
      notes: outcome.notes,
      details: {
        successes: outcome.successes.length,
        attempted: outcome.attempted.length,
        errors: outcome.errors,
      },
    };
  }

  /** Bootstraps demos from `trainset` (in the given order). */
  async bootstrap(
    program: Module,
    trainset: readonly Example[],
    context: OptimizerContext,
  ): Promise<BootstrapOutcome> {
    const { maxBootstrappedDemos, maxLabeledDemos, maxRounds } = this.options;
    const predictors = program.namedPredictors();
    const teacher = this.teacherFor(program, trainset, context);
    const settings =
      this.options.useTeacherLm === false || !context.teacher.lm ? context.student : context.teacher;
    const demos = new Map<string, Demo[]>(predictors.map(([path]) => [path, []]));
    const successes: number[] = [];
    const attempted: number[] = [];
    const notes: string[] = [];
    let errors = 0;

    rounds: for (let round = 0; round < maxRounds; round++) {
      const sampling = round === 0 ? {} : { temperature: 1, rolloutId: round };
      const pending = trainset.map((_, index) => index).filter((index) => !successes.includes(index));
      // Waves of a fixed size keep the accepted set independent of concurrency.
      for (let start = 0; start < pending.length; start += WAVE) {
        if (successes.length >= maxBootstrappedDemos) break rounds;
        const wave = pending.slice(start, start + WAVE);
        const runs = await Promise.all(
          wave.map((index) =>
            this.runTeacher(teacher, trainset, index, context, { ...settings, ...sampling }),
          ),
        );
        for (const [position, run] of runs.entries()) {
          const index = wave[position]!;
          attempted.push(index);
          if (run.kind === "budget") {
            notes.push(`stopped early: ${run.message}`);
            break rounds;
          }
          if (run.kind === "error") {
            errors++;
            if (errors > this.options.maxErrors) {
              throw new LatheError(
                "LatheBootstrapError",
                `bootstrapping stopped after ${errors} failed teacher runs (maxErrors ${this.options.maxErrors}); last error: ${run.message}`,
              );
            }
            continue;
          }
          if (!run.passed || successes.length >= maxBootstrappedDemos) continue;
          successes.push(index);
          for (const step of run.trace) demos.get(step.path)?.push({ ...step.inputs, ...step.outputs });
        }
      }
    }

    const rest = trainset.filter((_, index) => !successes.includes(index));
    const state: ProgramState = Object.fromEntries(
      predictors.map(([path, predictor]) => {
        const augmented = (demos.get(path) ?? []).slice(0, maxBootstrappedDemos);
        const raw = rest
          .slice(0, Math.max(0, maxLabeledDemos - augmented.length))
          .map((example) => exampleAsDemo(example, predictor));
        return [path, { instructions: predictor.instructions, demos: [...augmented, ...raw] }];
      }),
    );
    return { state, successes, attempted, errors, notes };
  }

  private teacherFor(
    program: Module,
    trainset: readonly Example[],
    context: OptimizerContext,
  ): (exclude: number) => Module {
    const base = this.options.teacherProgram ?? program;
    if (this.options.teacherProgram || this.options.maxLabeledDemos === 0) return () => base;
    // The teacher sees labeled demos, but never the example it is being run on.
    const pool = trainset.map((example, index) => ({ example, index }));
    const chosen = shuffled(pool, createRng(context.seed).fork("bootstrap-teacher")).slice(
      0,
      this.options.maxLabeledDemos,
    );
    return (exclude) => {
      const own = chosen.filter((entry) => entry.index !== exclude).map((entry) => entry.example);
      return base.withState(labeledState(base, own, own.length, context.seed));
    };
  }

  private async runTeacher(
    teacher: (exclude: number) => Module,
    trainset: readonly Example[],
    index: number,
    context: OptimizerContext,
    settings: OptimizerContext["student"],
  ): Promise<TeacherRun> {
    const example = trainset[index]!;
    const program = teacher(index);
    try {
      const inputs = programInputs(program, example);
      const { result, trace } = await withSettings(settings, () => traced(() => program.call(inputs)));
      const { score } = normalizeMetricResult(
        await context.metric(example, result as Record<string, unknown>, trace),
      );
      const threshold = this.options.metricThreshold;
      return { kind: "ran", passed: threshold === undefined ? score > 0 : score >= threshold, trace };
    } catch (error) {
      if (BudgetExceededError.isInstance(error)) return { kind: "budget", message: error.message };
      return { kind: "error", message: error instanceof Error ? error.message : String(error) };
    }
  }
}

const WAVE = 8;

type TeacherRun =
  | { kind: "ran"; passed: boolean; trace: TraceEntry[] }
  | { kind: "error"; message: string }
  | { kind: "budget"; message: string };
