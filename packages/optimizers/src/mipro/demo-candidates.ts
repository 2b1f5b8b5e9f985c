import { createRng, type Module, type ProgramState, shuffled } from "@lathe/core";
import { BootstrapFewShot } from "../few-shot/bootstrap-few-shot.js";
import { labeledState } from "../few-shot/labeled-few-shot.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { withoutDemos } from "../shared/state-edits.js";
import type { ResolvedMiproOptions } from "./mipro-options.js";

/** One demo set for every predictor; the search picks a candidate's demos per predictor. */
export interface DemoCandidate {
  /** e.g. "zero-shot", "labeled", "bootstrap", "shuffled-2", "current". */
  readonly id: string;
  readonly label: string;
  readonly state: ProgramState;
}

interface DemoPlan {
  readonly id: string;
  readonly label: string;
  readonly build: () => Promise<ProgramState>;
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
  const current = hasDemos(program) ? 1 : 0;
  const fixed = [true, options.maxLabeledDemos > 0, options.maxBootstrappedDemos > 0];
  let total = 0;
  let bootstraps = 0;
  for (let slot = 0; slot < options.numCandidates; slot++) {
    const usable = slot < fixed.length ? fixed[slot]! : options.maxBootstrappedDemos > 0;
    if (!usable) continue;
    total++;
    if (slot >= 2) bootstraps++;
  }
  return { bootstraps, total: total + current };
}

function demoPlans(program: Module, context: OptimizerContext, options: DemoOptions): DemoPlan[] {
  const { numCandidates, maxBootstrappedDemos, maxLabeledDemos } = options;
  const bootstrap = (maxDemos: number, order: readonly number[]) => async () => {
    const optimizer = new BootstrapFewShot({
      ...options.bootstrap,
      maxBootstrappedDemos: maxDemos,
      maxLabeledDemos,
    });
    const trainset = order.map((index) => context.trainset[index]!);
    return (await optimizer.bootstrap(program, trainset, context)).state;
  };
  const identity = context.trainset.map((_, index) => index);
  const plans: DemoPlan[] = [];
  if (hasDemos(program)) {
    plans.push({ id: "current", label: "current demos", build: async () => program.state() });
  }
  const slots: Array<DemoPlan | undefined> = [
    { id: "zero-shot", label: "zero-shot", build: async () => withoutDemos(program.state()) },
    maxLabeledDemos > 0
      ? {
          id: "labeled",
          label: `labeled (${maxLabeledDemos} demos)`,
          build: async () => labeledState(program, context.trainset, maxLabeledDemos, context.seed),
        }
      : undefined,
    maxBootstrappedDemos > 0
      ? {
          id: "bootstrap",
          label: `bootstrap (unshuffled, ${maxBootstrappedDemos} demos)`,
          build: bootstrap(maxBootstrappedDemos, identity),
        }
      : undefined,
  ];
  for (let index = 0; index + 3 < numCandidates && maxBootstrappedDemos > 0; index++) {
    // The same draws as RandomSearch's shuffles, so both search the same demo sets on a seed.
    const rng = createRng(context.seed).fork(`random-search:${index}`);
    const order = shuffled(identity, rng);
    const demos = rng.int(1, maxBootstrappedDemos);
    slots.push({
      id: `shuffled-${index}`,
      label: `bootstrap (shuffle ${index}, ${demos} demos)`,
      build: bootstrap(demos, order),
    });
  }
  for (const plan of slots.slice(0, numCandidates)) if (plan) plans.push(plan);
  return plans;
}

function hasDemos(program: Module): boolean {
  return program.namedPredictors().some(([, predictor]) => predictor.demos.length > 0);
}
