import type { Demo } from "../adapters/prompt-adapter.js";

/** A predictor's tunable state: plain JSON. */
export interface PredictorState {
  readonly instructions: string;
  readonly demos: readonly Demo[];
}

/** A program's tunable state, keyed by predictor path (e.g. `answer.predict`). */
export type ProgramState = { readonly [path: string]: PredictorState };
