import { canonicalJson, type Module, type ProgramState, type Rng, shuffled } from "@lathe/core";
import { evaluateState } from "../shared/evaluate-state.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import type { CandidatePool } from "./candidate-pool.js";
import type { MetricCallBudget } from "./metric-call-budget.js";
import { paretoFront } from "./pareto-front.js";
import type { GEPAProposal, MutationResult } from "./reflective-mutation.js";

/** Validation examples a merge is first judged on. */
export const MERGE_SUBSAMPLE = 5;

interface MergePlan {
  readonly parents: readonly [number, number];
  readonly ancestor: number;
  readonly state: ProgramState;
  /** Per predictor, which parent it was taken from. */
  readonly taken: readonly string[];
}

/**
 * GEPA's merge: two front members that descend from a common ancestor (neither from the other)
 * are combined predictor by predictor, taking each predictor from the descendant that changed
 * it (the better descendant when both did). The merge is kept if, on a few validation examples,
 * it does at least as well as the better parent there. `undefined` when no pair qualifies.
 */
export async function mergeStep(input: {
  readonly program: Module;
  readonly pool: CandidatePool;
  readonly iteration: number;
  readonly rng: Rng;
  readonly tried: Set<string>;
  readonly budget: MetricCallBudget;
  readonly context: OptimizerContext;
}): Promise<(MutationResult & { readonly parents: readonly number[] }) | undefined> {
  const { pool, context } = input;
  const plan = findMerge(pool, input.rng, input.tried);
  if (!plan) return undefined;
  const [first, second] = plan.parents.map((index) => pool.get(index));
  const valset = context.valset;
  const differing = valset
    .map((_, index) => index)
    .filter((index) => first!.evaluation.scores[index] !== second!.evaluation.scores[index]);
  const same = valset.map((_, index) => index).filter((index) => !differing.includes(index));
  const subsample = [
    ...shuffled(differing, input.rng.fork("differ")),
    ...shuffled(same, input.rng.fork("same")),
  ]
    .slice(0, MERGE_SUBSAMPLE)
    .sort((a, b) => a - b);
  const run = await evaluateState(
    input.program,
    plan.state,
    subsample.map((index) => valset[index]!),
    context,
  );
  input.budget.spendMetric(subsample.length);
  const childSum = run.scores.reduce((total, score) => total + score, 0);
  const parentSum = Math.max(
    ...[first!, second!].map((parent) =>
      subsample.reduce((total, index) => total + parent.evaluation.scores[index]!, 0),
    ),
  );
  const accepted = childSum >= parentSum;
  const proposal: GEPAProposal = {
    iteration: input.iteration,
    kind: "merge",
    parents: [first!.id, second!.id],
    paths: plan.taken,
    minibatch: subsample,
    parentSum,
    childSum,
    accepted,
    reason: `${accepted ? "kept" : "dropped"}: subsample sum ${childSum} vs ${parentSum} for the better parent (common ancestor ${pool.get(plan.ancestor).id})`,
  };
  return accepted
    ? { proposal, child: plan.state, parents: plan.parents }
    : { proposal, parents: plan.parents };
}

function findMerge(pool: CandidatePool, rng: Rng, tried: Set<string>): MergePlan | undefined {
  const members = paretoFront(pool.candidates.map((candidate) => candidate.evaluation.scores)).members;
  const pairs = members.flatMap((first, position) =>
    members.slice(position + 1).map((second) => [first, second] as const),
  );
  for (const [first, second] of shuffled(pairs, rng.fork("pairs"))) {
    const firstAncestors = pool.ancestors(first);
    const secondAncestors = pool.ancestors(second);
    if (firstAncestors.has(second) || secondAncestors.has(first)) continue;
    const common = [...firstAncestors].filter((index) => secondAncestors.has(index)).sort((a, b) => b - a);
    for (const ancestor of common) {
      const key = `${first}+${second}@${ancestor}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const plan = combine(pool, [first, second], ancestor);
      if (plan) return plan;
    }
  }
  return undefined;
}

function combine(
  pool: CandidatePool,
  parents: readonly [number, number],
  ancestor: number,
): MergePlan | undefined {
  const [first, second] = parents.map((index) => pool.get(index));
  const base = pool.get(ancestor).state;
  const better = first!.evaluation.mean >= second!.evaluation.mean ? first! : second!;
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  const taken: string[] = [];
  const state = Object.fromEntries(
    Object.keys(base).map((path) => {
      const firstChanged = !same(first!.state[path], base[path]);
      const secondChanged = !same(second!.state[path], base[path]);
      const source = firstChanged && secondChanged ? better : secondChanged ? second! : first!;
      if (firstChanged || secondChanged) taken.push(`${path} from ${source.id}`);
      return [path, source.state[path]!];
    }),
  );
  if (same(state, first!.state) || same(state, second!.state) || pool.has(state)) return undefined;
  return { parents, ancestor, state, taken };
}
