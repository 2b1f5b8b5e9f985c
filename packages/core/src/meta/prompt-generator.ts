import { effectiveInstructions } from "../adapters/render.js";
import { Module } from "../modules/module.js";
import { Predict, type PredictConfig } from "../modules/predict.js";
import type { Settings } from "../settings/settings.js";
import type { Signature } from "../signatures/signature.js";
import {
  assemblePrompt,
  describeFields,
  type PromptParts,
  type PromptRequest,
  type PromptWriterSignature,
  promptWriterSignature,
} from "./prompt-generator-signature.js";
import type { Simplify } from "./simplify.js";

export interface PromptGeneratorOptions {
  /** Settings for the writer predictor, e.g. `{ lm: teacher }`. */
  readonly config?: PredictConfig;
}

/** A generated system prompt: its parts, and `prompt`, the parts assembled. */
export type GeneratedPrompt = Simplify<PromptParts & { prompt: string }>;

export interface ForSignatureOptions {
  /** The task description the teacher works from. @default the signature's instructions */
  readonly task?: string;
  /** Settings for this call, e.g. `{ lm: teacher }`. */
  readonly settings?: Settings;
}

/**
 * A teacher that writes a complete system prompt (persona, context and constraints, steps,
 * output format, examples) from a plain task description, through the `writer` predictor.
 * `forSignature` seeds a signature's instructions with it before compilation.
 */
export class PromptGenerator extends Module<PromptRequest, GeneratedPrompt> {
  readonly writer: Predict<PromptWriterSignature>;

  constructor(options: PromptGeneratorOptions = {}) {
    super();
    this.writer = new Predict(promptWriterSignature(), options.config);
  }

  override get inputFields(): readonly string[] {
    return this.writer.inputFields;
  }

  override async forward(inputs: PromptRequest): Promise<GeneratedPrompt> {
    const parts = await this.writer.call(inputs);
    return { ...parts, prompt: assemblePrompt(parts) };
  }

  /** The signature with a generated prompt as its instructions; fields and fingerprint unchanged. */
  async forSignature<I extends object, O extends object>(
    signature: Signature<I, O>,
    options: ForSignatureOptions = {},
  ): Promise<Signature<I, O>> {
    const task = options.task ?? effectiveInstructions(signature, undefined);
    const fields = describeFields(signature.inputFields, signature.outputFields);
    const { prompt } = await this.call({ task, fields }, options.settings);
    return signature.withInstructions(prompt);
  }
}
