import type { Example, Module } from "@lathe/core";
import type { Optimizer } from "@lathe/optimizers";

/** One line of a dry run: a step, whose calls they are, and how many. */
export interface EstimateStep {
  readonly step: string;
  readonly role: "student" | "teacher";
  readonly calls: number;
}

export interface CompileEstimate {
  readonly steps: readonly EstimateStep[];
  readonly student: number;
  readonly teacher: number;
  readonly total: number;
  readonly assumptions: readonly string[];
}

interface Sizes {
  readonly trainset: number;
  readonly valset: number;
}

interface Datasets {
  readonly trainset: readonly Example[];
  readonly valset: readonly Example[];
}

/** What an optimizer may offer to estimate its own calls (MIPRO does). */
interface SelfEstimating {
  estimateCalls(
    program: Module,
    context: Datasets,
  ): { steps: Readonly<Record<string, { role: "student" | "teacher"; calls: number }>> };
}

/**
 * Upper-bound LM calls of a compile, from sizes and options alone: the baseline and final
 * evaluations plus each optimizer's own estimate when it has one, else a bound from its options.
 * The cache can only lower it.
 */
export function estimateCompileCalls(
  program: Module,
  optimizers: readonly Optimizer[],
  datasets: Datasets,
): CompileEstimate {
  const sizes = { trainset: datasets.trainset.length, valset: datasets.valset.length };
  const predictors = program.namedPredictors().length;
  const evaluation = (examples: number) => examples * predictors;
  const steps: EstimateStep[] = [
    { step: "baseline evaluation", role: "student", calls: evaluation(sizes.valset) },
  ];
  const assumptions = new Set([
    "each predictor is called once per program run",
    "no call is served from the cache and no reply needs a parse retry",
  ]);
  for (const optimizer of optimizers) {
    if (isSelfEstimating(optimizer)) {
      const estimate = optimizer.estimateCalls(program, datasets);
      for (const [step, { role, calls }] of Object.entries(estimate.steps)) {
        if (calls > 0) steps.push({ step: `${optimizer.name}: ${step}`, role, calls });
      }
      continue;
    }
    steps.push(...optimizerSteps(optimizer, sizes, predictors));
  }
  steps.push({ step: "final evaluation", role: "student", calls: evaluation(sizes.valset) });
  const sum = (role: "student" | "teacher") =>
    steps.reduce((total, step) => total + (step.role === role ? step.calls : 0), 0);
  if (optimizers.some((optimizer) => optimizer.name === "gepa")) {
    assumptions.add("GEPA's maxMetricCalls caps its metric and teacher calls together");
  }
  return {
    steps,
    student: sum("student"),
    teacher: sum("teacher"),
    total: sum("student") + sum("teacher"),
    assumptions: [...assumptions],
  };
}

function optimizerSteps(optimizer: Optimizer, sizes: Sizes, predictors: number): EstimateStep[] {
  const config = optimizer.config;
  const number = (key: string, fallback: number) =>
    typeof config[key] === "number" ? (config[key] as number) : fallback;
  const name = optimizer.name;
  const runs = (examples: number) => examples * predictors;
  switch (name) {
    case "labeled":
      return [];
    case "bootstrap":
      return [
        {
          step: `${name}: teacher traces`,
          role: "teacher",
          calls: number("maxRounds", 1) * runs(sizes.trainset),
        },
      ];
    case "random": {
      const shuffles = number("numCandidates", 16);
      return [
        { step: `${name}: bootstrap traces`, role: "teacher", calls: (1 + shuffles) * runs(sizes.trainset) },
        {
          step: `${name}: candidate evaluations`,
          role: "student",
          calls: (3 + shuffles) * runs(sizes.valset),
        },
      ];
    }
    case "metaprompt": {
      const rounds = number("numRounds", 5);
      const subset = Math.min(number("evalSubsetSize", 40), sizes.valset);
      return [
        { step: `${name}: rewrites`, role: "teacher", calls: rounds },
        { step: `${name}: subset evaluations`, role: "student", calls: (rounds + 1) * runs(subset) },
        { step: `${name}: valset confirmation`, role: "student", calls: runs(sizes.valset) },
      ];
    }
    case "opro": {
      const proposals = number("numSteps", 5) * number("samplesPerStep", 4);
      const subset = Math.min(number("evalSubsetSize", 40), sizes.valset);
      return [
        { step: `${name}: proposals`, role: "teacher", calls: proposals },
        { step: `${name}: subset evaluations`, role: "student", calls: (proposals + 1) * runs(subset) },
        {
          step: `${name}: final candidates`,
          role: "student",
          calls: number("finalCandidates", 3) * runs(sizes.valset),
        },
      ];
    }
    case "gepa":
      return [
        {
          step: `${name}: metric calls (cap)`,
          role: "student",
          calls: number("maxMetricCalls", 500) * predictors,
        },
      ];
    default:
      return [];
  }
}

function isSelfEstimating(optimizer: Optimizer): optimizer is Optimizer & SelfEstimating {
  return typeof (optimizer as Partial<SelfEstimating>).estimateCalls === "function";
}
