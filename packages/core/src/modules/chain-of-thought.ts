import { z } from "zod";
import type { AnySignature, InferInputs, InferOutputs, Signature } from "../signatures/signature.js";
import { Module } from "./module.js";
import { Predict, type PredictConfig } from "./predict.js";

type Simplify<T> = { [K in keyof T]: T[K] } & unknown;

export type ReasoningOutputs<S extends AnySignature> = Simplify<{ reasoning: string } & InferOutputs<S>>;

const REASONING_DESCRIPTION = "Think step by step before answering; explain how you reach the outputs.";

/** A predictor that writes its `reasoning` before the signature's outputs. Its inner path is `predict`. */
export class ChainOfThought<S extends AnySignature> extends Module<InferInputs<S>, ReasoningOutputs<S>> {
  readonly predict: Predict<Signature<InferInputs<S>, ReasoningOutputs<S>>>;

  constructor(signature: S, config: PredictConfig = {}) {
    super();
    const withReasoning = signature.prepend("output", "reasoning", z.string(), REASONING_DESCRIPTION);
    this.predict = new Predict(
      withReasoning as unknown as Signature<InferInputs<S>, ReasoningOutputs<S>>,
      config,
    );
  }

  override get inputFields(): readonly string[] {
    return this.predict.inputFields;
  }

  override forward(inputs: InferInputs<S>): Promise<ReasoningOutputs<S>> {
    return this.predict.call(inputs);
  }
}
