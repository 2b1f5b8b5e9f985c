import { createRng, type Example, type Module, sample } from "@lathe/core";
import { untilBudget } from "../shared/evaluate-state.js";
import type { Optimizer, OptimizerContext, OptimizerResult } from "../shared/optimizer.js";
import { type CallEstimate, estimateMiproCalls } from "./call-estimate.js";
import { buildDemoCandidates } from "./demo-candidates.js";
import { proposeInstructions } from "./grounded-proposer.js";
import { MinibatchSearch } from "./minibatch-search.js";
import {
  defaultNumTrials,
  type MIPROOptions,
  type ResolvedMiproOptions,
  resolveMiproOptions,
} from "./mipro-options.js";
import { type MiproRunLog, miproReport } from "./mipro-report.js";
import { demoSetsFromCandidates, sampledDemoSets } from "./proposer-demo-sets.js";
import { gatherGrounding, readProgramSource } from "./proposer-grounding.js";

/**
 * MIPROv2: (1) demo-set candidates as in random search; (2) instruction candidates from a
 * grounded proposer on the teacher (dataset summary, program code and description, demos, a
 * random tip), candidate 0 being the original instruction; (3) a TPE search over instruction ×
 * demo set per predictor, scored on seeded minibatches, with periodic full-valset evaluations of
 * the most promising configurations. The result is the best fully evaluated configuration, the
 * uncompiled program included. Every random draw comes from the compile's seed.
 */
export class MIPRO implements Optimizer {
  readonly name = "mipro";
  private readonly options: ResolvedMiproOptions;

  constructor(options: MIPROOptions = {}) {
    this.options = resolveMiproOptions(options);
  }

  get config(): Record<string, unknown> {
    const { programCode, bootstrap, ...rest } = this.options;
    return JSON.parse(
      JSON.stringify({
        ...rest,
        ...bootstrap,
        ...(programCode === undefined ? {} : { programCode: "given" }),
      }),
    );
  }

  /** The LM calls `optimize` would make (student and teacher), computed without calling any LM. */
  estimateCalls(program: Module, context: Pick<OptimizerContext, "trainset" | "valset">): CallEstimate {
    return estimateMiproCalls(
      program,
      { trainset: context.trainset.length, valset: context.valset.length },
      this.options,
    );
  }

  async optimize(program: Module, context: OptimizerContext): Promise<OptimizerResult> {
    if (this.options.dryRun) return this.dryRun(program, context);
    const notes: string[] = [];
    const valset = this.searchValset(context, notes);
    const numTrials =
      this.options.numTrials ??
      defaultNumTrials(program.namedPredictors().length, this.options.numCandidates, this.options.zeroShot);
    const log: MiproRunLog = { settings: this.settings(numTrials, valset.length) };
    if (
      this.options.zeroShot &&
      program.namedPredictors().some(([, predictor]) => predictor.demos.length > 0)
    ) {
      notes.push("zero-shot mode (maxDemos 0): the program's existing demos are not used");
    }
    await untilBudget(() => this.run(program, context, valset, numTrials, log, notes), notes);
    notes.push(...(log.search?.notes ?? []));
    const winner = log.search?.best();
    const { candidates, details } = miproReport(log, winner);
    if (!winner) {
      return {
        state: program.state(),
        candidates,
        notes: [...notes, "no configuration was fully evaluated; the program is unchanged"],
        details,
      };
    }
    // Its scores stand for the compile's valset only when the search used all of it.
    const measured = valset === context.valset ? { evaluation: winner.evaluation } : {};
    return { state: winner.state, candidates, notes, details, ...measured };
  }

  private async run(
    program: Module,
    context: OptimizerContext,
    valset: readonly Example[],
    numTrials: number,
    log: MiproRunLog,
    notes: string[],
  ): Promise<void> {
    const options = this.options;
    const source = await readProgramSource(program, options);
    // Step 1: demo-set candidates (none in zero-shot mode).
    const demoCandidates = options.zeroShot
      ? undefined
      : await buildDemoCandidates(program, context, options);
    // Step 2: instruction candidates from the grounded proposer.
    const grounding = await gatherGrounding(program, context, options, source);
    notes.push(...grounding.notes);
    if (grounding.datasetSummary) log.datasetSummary = grounding.datasetSummary;
    if (grounding.programSummary) log.programSummary = grounding.programSummary;
    const proposals = await proposeInstructions(program, context, {
      ...options,
      datasetSummary: grounding.datasetSummary,
      programSummary: grounding.programSummary,
      demoSets: demoCandidates
        ? demoSetsFromCandidates(demoCandidates)
        : sampledDemoSets(program, context, options.numCandidates - 1),
    });
    notes.push(...proposals.notes);
    // Step 3: the minibatch search, after scoring the uncompiled program on the whole valset.
    log.space = {
      paths: program.namedPredictors().map(([path]) => path),
      instructions: proposals.candidates,
      demoSets: demoCandidates,
    };
    log.search = new MinibatchSearch(program, context, log.space, valset, {
      numTrials,
      minibatchSize: options.minibatchSize,
      minibatchFullEvalSteps: options.minibatchFullEvalSteps,
    });
    await log.search.evaluateDefault();
    await log.search.run();
  }

  private dryRun(program: Module, context: OptimizerContext): OptimizerResult {
    const estimate = this.estimateCalls(program, context);
    return {
      state: program.state(),
      candidates: [],
      notes: [
        `dry run: no LM was called; MIPRO would make about ${estimate.total} calls ` +
          `(${estimate.student} student, ${estimate.teacher} teacher) over ${estimate.numTrials} trials`,
      ],
      details: { dryRun: true, estimate: JSON.parse(JSON.stringify(estimate)) },
    };
  }

  /** The valset, capped by the `auto` preset to a seeded subsample (kept in dataset order). */
  private searchValset(context: OptimizerContext, notes: string[]): readonly Example[] {
    const cap = this.options.maxValset;
    if (cap === undefined || context.valset.length <= cap) return context.valset;
    const indices = context.valset.map((_, index) => index);
    const kept = sample(indices, cap, createRng(context.seed).fork("mipro:valset")).sort((a, b) => a - b);
    notes.push(
      `auto "${this.options.auto}": searched on ${cap} of the ${context.valset.length} validation examples`,
    );
    return kept.map((index) => context.valset[index]!);
  }

  private settings(numTrials: number, valsetSize: number): Record<string, unknown> {
    const { numCandidates, minibatchSize, minibatchFullEvalSteps, zeroShot, initTemperature } = this.options;
    const { dataAware, programAware, tipAware, fewshotAware } = this.options;
    return {
      numCandidates,
      numTrials,
      valsetSize,
      minibatchSize,
      minibatchFullEvalSteps,
      zeroShot,
      initTemperature,
      grounding: { dataAware, programAware, tipAware, fewshotAware },
    };
  }
}
