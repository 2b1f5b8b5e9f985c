/**
 * The language-model specification: types only, no runtime code. Backends implement it;
 * user code calls the friendly API (`Predict`) rather than `doGenerate` directly.
 */

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

/** A JSON Schema document, as produced by `z.toJSONSchema`. */
export type JsonSchema = { readonly [key: string]: unknown };

export type ResponseFormat =
  | { readonly type: "text" }
  | {
      readonly type: "json_schema";
      /** A short identifier for the schema (letters, digits, `_`, `-`). */
      readonly name: string;
      readonly schema: JsonSchema;
      /** Ask the provider to enforce the schema exactly (OpenAI "strict" structured outputs). */
      readonly strict: boolean;
    };

export interface GenerateRequest {
  readonly messages: readonly ChatMessage[];
  /** Always sent explicitly; Lathe defaults predictions to 0. */
  readonly temperature: number;
  readonly maxTokens?: number;
  /** Number of choices to sample. @default 1 */
  readonly n?: number;
  readonly seed?: number;
  readonly stop?: readonly string[];
  readonly responseFormat?: ResponseFormat;
  /**
   * Which sample this is when the same request is drawn several times (temperature > 0).
   * It is part of the cache key; providers that cannot use it ignore it.
   * @default 0
   */
  readonly rolloutId?: number;
  readonly signal?: AbortSignal;
}

export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls" | "error" | "other";

export interface GenerateChoice {
  readonly text: string;
  readonly finishReason: FinishReason;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface GenerateResult {
  readonly choices: readonly GenerateChoice[];
  readonly usage: TokenUsage;
  /** Settings the backend could not honour (e.g. `seed` on a provider without it). */
  readonly warnings?: readonly string[];
  /** Retries the backend made before this result (429, 5xx, connection errors). */
  readonly retries?: number;
}

export interface LanguageModelCapabilities {
  /** The provider enforces a JSON schema on the completion. */
  readonly structuredOutputs: boolean;
  /** The provider can return several choices for one request (`n > 1`). */
  readonly multipleChoices: boolean;
  /** The provider accepts a sampling seed. */
  readonly seed: boolean;
}

export interface LanguageModel {
  readonly specificationVersion: "v1";
  /** e.g. `openai`, `ollama`, `sim`, `ax:anthropic`. */
  readonly provider: string;
  /** The model identifier as the provider knows it, e.g. `gpt-4o-mini`. */
  readonly modelId: string;
  readonly capabilities: LanguageModelCapabilities;
  doGenerate(request: GenerateRequest): Promise<GenerateResult>;
}
