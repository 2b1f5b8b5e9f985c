import type { Module } from "@lathe/core";

/**
 * Everything an optimizer could change on a program, as plain data: the state, and per
 * predictor its instructions, demos and signature, read from the predictor objects themselves.
 */
export function programSnapshot(program: Module): unknown {
  return {
    state: program.state(),
    predictors: program.namedPredictors().map(([path, predictor]) => ({
      path,
      instructions: predictor.instructions,
      demos: structuredClone(predictor.demos),
      signature: predictor.signature.fingerprint,
      signatureInstructions: predictor.signature.instructions,
    })),
  };
}

/** Freezes every predictor's demo list and demos in place, so an in-place edit throws. */
export function freezeDemos(program: Module): void {
  for (const [, predictor] of program.namedPredictors()) {
    for (const demo of predictor.demos) Object.freeze(demo);
    Object.freeze(predictor.demos);
  }
}
