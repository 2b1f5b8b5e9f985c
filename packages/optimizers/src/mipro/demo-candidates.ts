import type { Module, ProgramState } from "@lathe/core";
import {
  type DemoSetPlan,
  type DemoSetPlanOptions,
  demoSetCount,
  demoSetPlans,
} from "../few-shot/demo-set-plans.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import type { ResolvedMiproOptions } from "./mipro-options.js";

/** One demo set for every predictor; the search picks a candidate's demos per predictor. */
export interface DemoCandidate {
  /** e.g. "zero-shot", "labeled", "bootstrap", "shuffled-2", "current". */
  readonly id: string;
  readonly label: string;
  readonly state: ProgramState;
}

type DemoOptions = Pick<
  ResolvedMiproOptions,
  "numCandidates" | "maxBootstrappedDemos" | "maxLabeledDemos" | "bootstrap"
>;

/**
 * The demo-set candidates, built as RandomSearch builds its candidates: zero-shot, labeled,
 * the unshuffled bootstrap, then seeded shuffles of the training set with a random number of
 * bootstrapped demos — `numCandidates` in all. When the program already has demos, they come
 * first ("current"), so the uncompiled program is configuration zero of the search.
 * Built concurrently, returned in plan order.
 */
export async function buildDemoCandidates(
  program: Module,
  context: OptimizerContext,
  options: DemoOptions,
): Promise<DemoCandidate[]> {
  const plans = demoPlans(program, context, options);
  const states = await Promise.all(plans.map((plan) => plan.build()));
  return plans.map((plan, index) => ({ id: plan.id, label: plan.label, state: states[index]! }));
}

/** How many demo-set candidates `buildDemoCandidates` makes, without building them. */
export function demoPlanCount(program: Module, options: DemoOptions): { bootstraps: number; total: number } {
  const { total, bootstraps } = demoSetCount(setOptions(options), options.numCandidates);
  return { bootstraps, total: total + (hasDemos(program) ? 1 : 0) };
}

/** RandomSearch's demo sets, `numCandidates` in all, after the program's own demos if it has any. */
function demoPlans(program: Module, context: OptimizerContext, options: DemoOptions): DemoSetPlan[] {
  const current: DemoSetPlan[] = hasDemos(program)
    ? [{ id: "current", label: "current demos", bootstraps: false, build: async () => program.state() }]
    : [];
  return [...current, ...demoSetPlans(program, context, setOptions(options)).slice(0, options.numCandidates)];
}

function setOptions(options: DemoOptions): DemoSetPlanOptions {
  const { maxBootstrappedDemos, maxLabeledDemos, bootstrap } = options;
  // The three fixed sets count towards numCandidates; the rest are seeded shuffles.
  return {
    maxBootstrappedDemos,
    maxLabeledDemos,
    bootstrap,
    shuffles: Math.max(0, options.numCandidates - 3),
  };
}

function hasDemos(program: Module): boolean {
  return program.namedPredictors().some(([, predictor]) => predictor.demos.length > 0);
}
