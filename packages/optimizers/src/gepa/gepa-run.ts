import { createRng, type Module, type ProgramState, type Rng } from "@lathe/core";
import { evaluateState, untilBudget } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { CandidatePool } from "./candidate-pool.js";
import { MERGE_SUBSAMPLE, mergeStep } from "./merge.js";
import { MetricCallBudget } from "./metric-call-budget.js";
import { Minibatches } from "./minibatches.js";
import { paretoFront, pickFromFront } from "./pareto-front.js";
import { type GEPAProposal, reflectiveMutation } from "./reflective-mutation.js";

export interface GEPASettings {
  readonly maxMetricCalls: number;
  readonly minibatchSize: number;
  readonly merge: boolean;
  readonly maxMerges: number;
  readonly skipPerfect: boolean;
  readonly showExpected: boolean;
}

/** What an iteration did: keep going, or stop (the reason is in the notes). */
type Step = "continue" | "stop";

/** The state of one GEPA run: pool, budget, proposals and notes, advanced one iteration at a time. */
export class GEPARun {
  readonly pool = new CandidatePool();
  readonly budget: MetricCallBudget;
  readonly proposals: GEPAProposal[] = [];
  readonly notes: string[] = [];
  private readonly rng: Rng;
  private readonly minibatches: Minibatches;
  private readonly paths: readonly string[];
  private readonly triedMerges = new Set<string>();
  private mergesDue = 0;
  private merges = 0;

  constructor(
    private readonly program: Module,
    private readonly context: OptimizerContext,
    private readonly settings: GEPASettings,
  ) {
    this.budget = new MetricCallBudget(settings.maxMetricCalls);
    this.rng = createRng(context.seed).fork("gepa");
    this.minibatches = new Minibatches(
      context.trainset,
      settings.minibatchSize,
      this.rng.fork("minibatches"),
    );
    this.paths = program.namedPredictors().map(([path]) => path);
  }

  /** Scores the program as it is on the valset: the pool's first candidate. */
  async seed(): Promise<boolean> {
    const size = this.context.valset.length;
    if (!this.budget.canAfford(size)) {
      this.notes.push(`maxMetricCalls ${this.budget.max} cannot cover one valset evaluation (${size} calls)`);
      return false;
    }
    const state = this.program.state();
    const evaluation = await untilBudget(
      () => evaluateState(this.program, state, this.context.valset, this.context),
      this.notes,
    );
    if (!evaluation) return false;
    this.budget.spendMetric(size);
    this.pool.add({ state, parents: [], origin: "seed", evaluation });
    return true;
  }

  /** One iteration: a due merge if one qualifies, else a reflective mutation of a Pareto parent. */
  async iterate(iteration: number): Promise<Step> {
    if (this.pool.get(this.pool.best()).evaluation.mean >= 1) {
      this.notes.push("stopped: a candidate scores 1 on every validation example");
      return "stop";
    }
    const valsetSize = this.context.valset.length;
    const { merge, maxMerges, minibatchSize } = this.settings;
    if (
      merge &&
      this.mergesDue > 0 &&
      this.merges < maxMerges &&
      this.budget.canAfford(MERGE_SUBSAMPLE + valsetSize)
    ) {
      const merged = await untilBudget(async () => ({ result: await this.tryMerge(iteration) }), this.notes);
      if (!merged) return "stop";
      if (merged.result) return merged.result;
    }
    const cost = 2 * Math.min(minibatchSize, this.context.trainset.length) + 1 + valsetSize;
    if (!this.budget.canAfford(cost)) {
      const left = this.budget.max - this.budget.used;
      this.notes.push(
        `stopped: another proposal could need ${cost} metric calls and only ${left} of ${this.budget.max} are left`,
      );
      return "stop";
    }
    const scores = this.pool.candidates.map((candidate) => candidate.evaluation.scores);
    const parentIndex = pickFromFront(paretoFront(scores), this.rng.fork(`parent:${iteration}`));
    const { path, cursor } = this.pool.nextPath(parentIndex, this.paths);
    const result = await untilBudget(
      () =>
        reflectiveMutation({
          program: this.program,
          parent: this.pool.get(parentIndex),
          path,
          iteration,
          minibatches: this.minibatches,
          budget: this.budget,
          skipPerfect: this.settings.skipPerfect,
          showExpected: this.settings.showExpected,
          context: this.context,
        }),
      this.notes,
    );
    if (!result) return "stop";
    if (!result.child) return this.record(result.proposal);
    return this.addChild(result.proposal, result.child, [parentIndex], `reflection on \`${path}\``, cursor);
  }

  /** A merge when one qualifies (its step's outcome), else undefined so a mutation runs instead. */
  private async tryMerge(iteration: number): Promise<Step | undefined> {
    const merged = await mergeStep({
      program: this.program,
      pool: this.pool,
      iteration,
      rng: this.rng.fork(`merge:${iteration}`),
      tried: this.triedMerges,
      budget: this.budget,
      context: this.context,
    });
    if (!merged) {
      this.mergesDue = 0;
      return undefined;
    }
    this.mergesDue--;
    this.merges++;
    if (!merged.child) return this.record(merged.proposal);
    const origin = `merge of ${merged.parents.map((index) => this.pool.get(index).id).join(" and ")}`;
    return this.addChild(merged.proposal, merged.child, merged.parents, origin, 0);
  }

  /** Scores an accepted child on the valset and adds it to the pool. */
  private async addChild(
    proposal: GEPAProposal,
    state: ProgramState,
    parents: readonly number[],
    origin: string,
    cursor: number,
  ): Promise<Step> {
    const evaluation = await untilBudget(
      () => evaluateState(this.program, state, this.context.valset, this.context),
      this.notes,
    );
    if (!evaluation) {
      this.record({
        ...proposal,
        reason: `${proposal.reason}; not scored on the valset: the budget ran out`,
      });
      return "stop";
    }
    this.budget.spendMetric(this.context.valset.length);
    const added = this.pool.add({ state, parents, origin, evaluation }, cursor);
    if (this.settings.merge) this.mergesDue++;
    return this.record({ ...proposal, candidate: added.id });
  }

  private record(proposal: GEPAProposal): Step {
    this.proposals.push(proposal);
    const best = this.pool.get(this.pool.best()).evaluation.mean;
    this.context.onProgress?.({
      phase: "gepa",
      completed: this.budget.used,
      total: this.budget.max,
      message: `iteration ${proposal.iteration}: ${proposal.accepted ? "accepted" : "rejected"} (pool ${this.pool.candidates.length}, best ${best.toFixed(3)})`,
    });
    return "continue";
  }
}
