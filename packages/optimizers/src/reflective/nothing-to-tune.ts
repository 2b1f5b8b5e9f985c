import type { Module } from "@lathe/core";
import type { OptimizerResult } from "../shared/optimizer.js";

/** The result for a program without predictors (no instruction to rewrite), else undefined. */
export function nothingToTune(program: Module): OptimizerResult | undefined {
  if (program.namedPredictors().length > 0) return undefined;
  return {
    state: program.state(),
    candidates: [],
    notes: ["the program has no predictors, so there is nothing to tune"],
  };
}
