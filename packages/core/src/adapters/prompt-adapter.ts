import type { ChatMessage, LanguageModelCapabilities, ResponseFormat } from "../lm/language-model.js";
import type { AnySignature } from "../signatures/signature.js";

/** A demonstration: values for some or all of a signature's fields. */
export type Demo = { readonly [field: string]: unknown };

export interface FormatInput {
  /** Overrides the signature's own instructions when set. */
  readonly instructions?: string;
  readonly demos: readonly Demo[];
  readonly inputs: { readonly [field: string]: unknown };
}

export type ParseResult =
  | { readonly success: true; readonly data: Record<string, unknown> }
  | { readonly success: false; readonly error: string };

/**
 * Turns a signature, instructions, demos and inputs into chat messages, and parses a
 * completion back into validated outputs.
 */
export interface PromptAdapter {
  readonly name: string;
  format(signature: AnySignature, input: FormatInput): ChatMessage[];
  /** What to ask the provider to enforce, if anything. */
  responseFormat(
    signature: AnySignature,
    capabilities: LanguageModelCapabilities,
  ): ResponseFormat | undefined;
  /** Parses and validates; never throws for bad completions. */
  safeParse(signature: AnySignature, completion: string): ParseResult;
  /** The follow-up user message that asks the LM to try again after `error`. */
  retryMessage(signature: AnySignature, error: string): ChatMessage;
}
