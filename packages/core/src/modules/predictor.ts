import type { Demo } from "../adapters/prompt-adapter.js";
import type { AnySignature } from "../signatures/signature.js";
import type { PredictorState } from "./program-state.js";

/**
 * What optimizers see of a predictor: its signature and its tunable state. Discovery
 * recognises predictors by the `isPredictor` flag, never by class.
 */
export interface Predictor {
  readonly isPredictor: true;
  readonly signature: AnySignature;
  readonly instructions: string;
  readonly demos: readonly Demo[];
  getState(): PredictorState;
}

export function isPredictor(value: unknown): value is Predictor {
  return (
    typeof value === "object" && value !== null && (value as { isPredictor?: unknown }).isPredictor === true
  );
}

/** Internal: predictors whose state can be set on a private copy. */
export interface ConfigurablePredictor extends Predictor {
  applyState(state: PredictorState): void;
}
