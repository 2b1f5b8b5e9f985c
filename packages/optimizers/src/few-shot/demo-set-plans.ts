import { createRng, type Module, type ProgramState, shuffled } from "@lathe/core";
import type { OptimizerContext } from "../shared/optimizer.js";
import { withoutDemos } from "../shared/state-edits.js";
import { BootstrapFewShot, type BootstrapFewShotOptions } from "./bootstrap-few-shot.js";
import { labeledState } from "./labeled-few-shot.js";

/** A demo set to try for every predictor: how to build it and what to call it. */
export interface DemoSetPlan {
  /** "zero-shot", "labeled", "bootstrap" or "shuffled-<i>". */
  readonly id: string;
  readonly label: string;
  /** Bootstrapped sets cost teacher runs; the others are free. */
  readonly bootstraps: boolean;
  readonly build: () => Promise<ProgramState>;
}

export interface DemoSetPlanOptions {
  readonly maxBootstrappedDemos: number;
  readonly maxLabeledDemos: number;
  /** Seeded shuffles of the training set after the three fixed sets. */
  readonly shuffles: number;
  /** Passed on to every bootstrap. */
  readonly bootstrap?: Omit<
    BootstrapFewShotOptions,
    "maxBootstrappedDemos" | "maxLabeledDemos" | "teacherProgram"
  >;
}

/**
 * The candidate demo sets of DSPy's random search, shared by RandomSearch and MIPRO: zero-shot,
 * labeled only, the unshuffled bootstrap, then seeded shuffles of the training set with a random
 * number (1..maxBootstrappedDemos) of bootstrapped demos. Sets that the caps make empty are left
 * out. Plans are lazy: nothing runs until `build()`.
 */
export function demoSetPlans(
  program: Module,
  context: OptimizerContext,
  options: DemoSetPlanOptions,
): DemoSetPlan[] {
  const { maxBootstrappedDemos, maxLabeledDemos } = options;
  const identity = context.trainset.map((_, index) => index);
  const bootstrap = (maxDemos: number, order: readonly number[]) => async () => {
    const optimizer = new BootstrapFewShot({
      ...options.bootstrap,
      maxBootstrappedDemos: maxDemos,
      maxLabeledDemos,
    });
    const trainset = order.map((index) => context.trainset[index]!);
    return (await optimizer.bootstrap(program, trainset, context)).state;
  };
  const plans: DemoSetPlan[] = [
    {
      id: "zero-shot",
      label: "zero-shot",
      bootstraps: false,
      build: async () => withoutDemos(program.state()),
    },
  ];
  if (maxLabeledDemos > 0) {
    plans.push({
      id: "labeled",
      label: `labeled (${maxLabeledDemos} demos)`,
      bootstraps: false,
      build: async () => labeledState(program, context.trainset, maxLabeledDemos, context.seed),
    });
  }
  if (maxBootstrappedDemos === 0) return plans;
  plans.push({
    id: "bootstrap",
    label: `bootstrap (unshuffled, ${maxBootstrappedDemos} demos)`,
    bootstraps: true,
    build: bootstrap(maxBootstrappedDemos, identity),
  });
  for (let index = 0; index < options.shuffles; index++) {
    const rng = createRng(context.seed).fork(`random-search:${index}`);
    const order = shuffled(identity, rng);
    const demos = rng.int(1, maxBootstrappedDemos);
    plans.push({
      id: `shuffled-${index}`,
      label: `bootstrap (shuffle ${index}, ${demos} demos)`,
      bootstraps: true,
      build: bootstrap(demos, order),
    });
  }
  return plans;
}

/** How many sets `demoSetPlans(...).slice(0, limit)` holds, and how many of them bootstrap. */
export function demoSetCount(
  options: Pick<DemoSetPlanOptions, "maxBootstrappedDemos" | "maxLabeledDemos" | "shuffles">,
  limit = Number.POSITIVE_INFINITY,
): { total: number; bootstraps: number } {
  const kinds = [
    false,
    ...(options.maxLabeledDemos > 0 ? [false] : []),
    ...(options.maxBootstrappedDemos > 0 ? Array<boolean>(1 + options.shuffles).fill(true) : []),
  ].slice(0, limit);
  return { total: kinds.length, bootstraps: kinds.filter(Boolean).length };
}
