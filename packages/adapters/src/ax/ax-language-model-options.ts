import type { LanguageModelCapabilities } from "@lathe/core";

/** Options of `axLanguageModel`. */
export interface AxLanguageModelOptions {
  /**
   * Model (or model key) sent with every request, and the `modelId` Lathe reports (so it is part
   * of cache keys). Without it the service's configured default model answers.
   * @default the service's default model, reported as "default"
   */
  readonly model?: string;
  /**
   * Provider name Lathe reports.
   * @default `ax:<service name, lower case, spaces as dashes>`, e.g. "ax:openai", "ax:openai-compatible"
   */
  readonly provider?: string;
  /**
   * Overrides of the capabilities. Structured outputs follow the service's own feature report;
   * Ax has no per-request seed; `n` is not supported by every Ax provider.
   * @default { structuredOutputs: service.getFeatures(model).structuredOutputs, multipleChoices: false, seed: false }
   */
  readonly capabilities?: Partial<LanguageModelCapabilities>;
  /** Limit for one call (Ax's own retries included), in ms; then a `TimeoutError`. @default no limit beyond Ax's */
  readonly timeoutMs?: number;
}
