import {
  type Artifact,
  Budget,
  BudgetExceededError,
  ChatAdapter,
  DiskCache,
  type EvaluationResult,
  type Example,
  evaluate,
  JsonAdapter,
  LatheError,
  type Module,
  meanWithInterval,
  type ProgramState,
  Semaphore,
  type Settings,
  UsageTracker,
} from "@lathe/core";
import type { CandidateRecord } from "../shared/candidate-record.js";
import { limitConcurrency } from "../shared/limited-language-model.js";
import type { Optimizer, OptimizerContext, ScoredEvaluation } from "../shared/optimizer.js";
import { buildArtifact } from "./build-artifact.js";
import type { CompileOptions } from "./compile-options.js";
import type { CompileReport } from "./compile-report.js";

export interface CompileResult<P extends Module> {
  /** The compiled program: a configured copy; the input program is untouched. */
  readonly program: P;
  readonly state: ProgramState;
  readonly artifact: Artifact;
  readonly report: CompileReport;
}

/**
 * Compiles `program`: scores the uncompiled baseline, runs the optimizer (or pipeline), scores
 * the result on the same validation examples, and freezes it into an artifact. Deterministic
 * for a given seed and cache; re-running with the same cache replays completed calls for free.
 */
export async function compile<P extends Module>(
  program: P,
  options: CompileOptions,
): Promise<CompileResult<P>> {
  const started = performance.now();
  validate(options);
  const optimizers: readonly Optimizer[] = Array.isArray(options.optimizer)
    ? options.optimizer
    : [options.optimizer as Optimizer];
  const seed = options.seed ?? 0;
  const valset = options.valset ?? options.trainset;
  const notes: string[] = options.valset
    ? []
    : ["no valset given: the trainset is used for selection, so scores are optimistic"];
  const usage = new UsageTracker();
  const semaphore = new Semaphore(options.concurrency ?? 8);
  const adapter =
    options.adapter ?? (options.lm.capabilities.structuredOutputs ? new JsonAdapter() : new ChatAdapter());
  const shared: Settings = {
    adapter,
    usage,
    temperature: options.temperature ?? 0,
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
    ...(options.cache === false ? {} : { cache: options.cache ?? new DiskCache() }),
    ...(options.budget ? { budget: new Budget(options.budget) } : {}),
  };
  const student: Settings = {
    ...shared,
    lm: limitConcurrency(options.lm, semaphore, shared.budget),
    role: "student",
  };
  const teacher: Settings = options.teacher
    ? { ...shared, lm: limitConcurrency(options.teacher, semaphore, shared.budget), role: "teacher" }
    : { ...student };
  const context: OptimizerContext = {
    trainset: options.trainset,
    valset,
    metric: options.metric,
    seed,
    concurrency: options.concurrency ?? 8,
    student,
    teacher,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const run = (state: ProgramState, phase: string, examples = valset) =>
    evaluate(program.withState(state), examples, options.metric, {
      concurrency: context.concurrency,
      settings: student,
      onProgress: (progress) =>
        options.onProgress?.({ phase, completed: progress.completed, total: progress.total }),
    });

  const baseline = await run(program.state(), "baseline");
  let state = program.state();
  const candidates: CandidateRecord[] = [];
  const details: Record<string, unknown> = {};
  // The last optimizer's own valset scores of its choice, if it measured them.
  let measured: ScoredEvaluation | undefined;
  for (const optimizer of optimizers) {
    const result = await runOptimizer(optimizer, program.withState(state), context);
    state = result.state;
    measured = result.evaluation?.count === valset.length ? result.evaluation : undefined;
    candidates.push(...result.candidates);
    notes.push(...result.notes.map((note) => `${optimizer.name}: ${note}`));
    if (result.details) details[optimizer.name] = result.details;
  }
  const final = await finalScore(run, state, { baseline, measured }, notes);
  const heldOut = options.testset
    ? await scoreHeldOut(run, program.state(), state, options.testset, notes)
    : undefined;
  const stoppedByBudget = notes.some((note) => note.includes("budget"));
  const durationMs = performance.now() - started;
  const programName = options.programName ?? program.constructor.name;
  const summary = usage.snapshot();
  const artifact = buildArtifact({
    program,
    programName,
    state,
    lm: options.lm,
    teacher: options.teacher,
    adapter: adapter.name === "json" ? "json" : "chat",
    sampling: {
      temperature: options.temperature ?? 0,
      ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
    },
    optimizer: optimizers.map((optimizer) => optimizer.name).join(","),
    config: Object.fromEntries(optimizers.map((optimizer) => [optimizer.name, optimizer.config])),
    seed,
    trainset: options.trainset,
    valset,
    metric: options.metricName ?? (options.metric.name || "metric"),
    baseline,
    final: final.evaluation,
    ...(heldOut ? { heldOut: { examples: options.testset!, ...heldOut } } : {}),
    usage: summary,
    notes,
    durationMs,
  });
  const report: CompileReport = {
    program: programName,
    optimizers: optimizers.map((optimizer) => optimizer.name),
    baseline: artifact.compile.baseline,
    final: artifact.compile.final,
    improvement: improvement(final.evaluation, baseline),
    ...(heldOut && artifact.compile.heldOut
      ? {
          heldOut: { ...artifact.compile.heldOut, improvement: improvement(heldOut.final, heldOut.baseline) },
        }
      : {}),
    candidates,
    trajectory: trajectory(candidates),
    usage: summary,
    notes,
    stoppedByBudget,
    details,
    durationMs,
  };
  return { program: program.withState(state), state, artifact, report };
}

async function runOptimizer(optimizer: Optimizer, program: Module, context: OptimizerContext) {
  try {
    return await optimizer.optimize(program, context);
  } catch (error) {
    if (!BudgetExceededError.isInstance(error)) throw error;
    return {
      state: program.state(),
      candidates: [],
      notes: [`stopped early: ${error.message}; kept the state it started from`],
    };
  }
}

/**
 * Scores the chosen state. If the budget runs out here, the score the optimizer measured for
 * its choice on the same valset is reported; failing that, the baseline's, and the note says which.
 */
async function finalScore(
  run: (state: ProgramState, phase: string) => Promise<EvaluationResult>,
  state: ProgramState,
  known: { baseline: EvaluationResult; measured: ScoredEvaluation | undefined },
  notes: string[],
): Promise<{ evaluation: ScoredEvaluation }> {
  try {
    return { evaluation: await run(state, "final") };
  } catch (error) {
    if (!BudgetExceededError.isInstance(error)) throw error;
    const shown = known.measured ? "the score the optimizer measured for it on the valset" : "the baseline's";
    notes.push(`final evaluation stopped early: ${error.message}; the final score shown is ${shown}`);
    return { evaluation: known.measured ?? known.baseline };
  }
}

/** Scores the uncompiled and the compiled program on examples the optimizers never saw. */
async function scoreHeldOut(
  run: (state: ProgramState, phase: string, examples: readonly Example[]) => Promise<EvaluationResult>,
  original: ProgramState,
  compiled: ProgramState,
  testset: readonly Example[],
  notes: string[],
): Promise<{ baseline: EvaluationResult; final: EvaluationResult } | undefined> {
  try {
    return { baseline: await run(original, "test", testset), final: await run(compiled, "test", testset) };
  } catch (error) {
    if (!BudgetExceededError.isInstance(error)) throw error;
    notes.push(`held-out evaluation skipped: ${error.message}`);
    return undefined;
  }
}

function improvement(final: ScoredEvaluation, baseline: ScoredEvaluation): CompileReport["improvement"] {
  if (final.scores.length !== baseline.scores.length)
    return { mean: final.mean - baseline.mean, ci: { low: Number.NaN, high: Number.NaN } };
  return meanWithInterval(final.scores.map((score, index) => score - baseline.scores[index]!));
}

function trajectory(candidates: readonly CandidateRecord[]): number[] {
  let best = Number.NEGATIVE_INFINITY;
  return candidates.map((candidate) => {
    best = Math.max(best, candidate.mean);
    return best;
  });
}

function validate(options: CompileOptions): void {
  const problem = (message: string) => new LatheError("LatheCompileOptionsError", message);
  if (!options.lm) throw problem("compile needs { lm }: the model the program will run on");
  if (typeof options.metric !== "function")
    throw problem("compile needs { metric }: a function (example, prediction) => score");
  if (!options.trainset || options.trainset.length === 0)
    throw problem("the trainset is empty; give compile at least one example");
  if (options.testset && options.testset.length === 0)
    throw problem("the testset is empty; omit it or add examples");
  if (options.valset && options.valset.length === 0)
    throw problem("the valset is empty; omit it to use the trainset, or add examples");
  const optimizers = Array.isArray(options.optimizer) ? options.optimizer : [options.optimizer];
  if (optimizers.length === 0 || optimizers.some((optimizer) => typeof optimizer?.optimize !== "function")) {
    throw problem("compile needs { optimizer }: e.g. new BootstrapFewShot() or new RandomSearch()");
  }
}
