export { ChainOfThought, type ReasoningOutputs } from "./chain-of-thought.js";
export { discoverPredictors } from "./discovery.js";
export { type InferProgramInputs, type InferProgramOutputs, Module } from "./module.js";
export { InvalidInputError, NoLanguageModelError, ProgramStateError } from "./module-errors.js";
export { Predict, type PredictConfig, type PredictDemo } from "./predict.js";
export { isPredictor, type Predictor } from "./predictor.js";
export { programInputs } from "./program-inputs.js";
export type { PredictorState, ProgramState } from "./program-state.js";
