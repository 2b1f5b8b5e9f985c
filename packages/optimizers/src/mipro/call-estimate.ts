import type { Module } from "@lathe/core";
import { datasetSummaryCalls } from "./dataset-summary.js";
import { demoPlanCount } from "./demo-candidates.js";
import { proposalCalls } from "./grounded-proposer.js";
import { defaultNumTrials, type ResolvedMiproOptions } from "./mipro-options.js";
import { programSummaryCalls } from "./program-summary.js";

export type CallEstimateStep =
  | "uncompiled"
  | "bootstrap"
  | "datasetSummary"
  | "programSummary"
  | "proposals"
  | "trials"
  | "fullEvaluations";

export interface StepEstimate {
  readonly role: "student" | "teacher";
  readonly calls: number;
}

/** LM calls a MIPRO run is expected to make, before the cache saves any. */
export interface CallEstimate {
  /** Calls with the student's settings: evaluations of candidate programs. */
  readonly student: number;
  /** Calls with the teacher's settings: bootstrapping, summaries, proposals. */
  readonly teacher: number;
  readonly total: number;
  /** Calls per step. */
  readonly steps: { readonly [step in CallEstimateStep]: StepEstimate };
  readonly numTrials: number;
  readonly valsetSize: number;
  /** What the estimate assumes. */
  readonly assumptions: readonly string[];
}

/** Examples a bootstrap wave runs at once (see BootstrapFewShot). */
const BOOTSTRAP_WAVE = 8;

/**
 * An upper-bound estimate of MIPRO's LM calls, computed from sizes alone (no LM is called).
 * With a cache, full evaluations reuse the minibatch results they overlap, so fewer calls reach
 * the model; parse retries are not counted.
 */
export function estimateMiproCalls(
  program: Module,
  sizes: { readonly trainset: number; readonly valset: number },
  options: ResolvedMiproOptions,
): CallEstimate {
  const predictors = program.namedPredictors().length;
  const valsetSize = Math.min(sizes.valset, options.maxValset ?? Number.POSITIVE_INFINITY);
  const numTrials =
    options.numTrials ?? defaultNumTrials(predictors, options.numCandidates, options.zeroShot);
  const minibatch = Math.min(options.minibatchSize, valsetSize);
  const bootstraps = options.zeroShot ? 0 : demoPlanCount(program, options).bootstraps;
  const bootstrapRuns = Math.min(
    sizes.trainset,
    BOOTSTRAP_WAVE * Math.ceil(Math.max(1, options.maxBootstrappedDemos) / BOOTSTRAP_WAVE),
  );
  const fullEvaluations = minibatch >= valsetSize ? 0 : Math.ceil(numTrials / options.minibatchFullEvalSteps);
  const steps: CallEstimate["steps"] = {
    uncompiled: { role: "student", calls: valsetSize * predictors },
    bootstrap: { role: "teacher", calls: bootstraps * bootstrapRuns * predictors },
    datasetSummary: { role: "teacher", calls: options.dataAware ? datasetSummaryCalls(sizes.trainset) : 0 },
    programSummary: { role: "teacher", calls: options.programAware ? programSummaryCalls(predictors) : 0 },
    proposals: { role: "teacher", calls: proposalCalls(predictors, options.numCandidates) },
    trials: { role: "student", calls: numTrials * minibatch * predictors },
    fullEvaluations: { role: "student", calls: fullEvaluations * valsetSize * predictors },
  };
  const sum = (role: "student" | "teacher") =>
    Object.values(steps).reduce((total, step) => total + (step.role === role ? step.calls : 0), 0);
  const student = sum("student");
  const teacher = sum("teacher");
  return {
    student,
    teacher,
    total: student + teacher,
    steps,
    numTrials,
    valsetSize,
    assumptions: [
      "each predictor is called once per program run",
      "each bootstrap succeeds within its first wave of training examples",
      "no call is served from the cache and no reply needs a parse retry",
      "teacher calls go to the student's model when no teacher is given",
    ],
  };
}
