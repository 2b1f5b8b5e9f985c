import type { LanguageModelCapabilities } from "@lathe/core";

/** Which request field carries `maxTokens`. */
export type MaxTokensParameter = "max_tokens" | "max_completion_tokens";

/** Options of `createOpenAI` and of every OpenAI-compatible backend. */
export interface OpenAIOptions {
  /** The model as the server knows it, e.g. `gpt-4o-mini`. */
  readonly modelId: string;
  /**
   * Base URL of the API, including `/v1`.
   * @default process.env.OPENAI_BASE_URL, else `https://api.openai.com/v1` (read by the openai client)
   */
  readonly baseURL?: string;
  /**
   * API key, sent as a bearer token. Never logged, and removed from every error Lathe throws.
   * @default process.env.OPENAI_API_KEY (read by the openai client)
   */
  readonly apiKey?: string;
  /**
   * Extra headers sent with every request, retries included. A header named like one the client
   * sets replaces it, `Authorization` too: set that only to replace the bearer token (e.g. for a
   * gateway). Credential headers (`Authorization`, `api-key`, `x-api-key`) are redacted from
   * errors like the key.
   * @default {}
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Limit for one attempt (connect, headers and body), in ms; a timed-out attempt is retried. @default 600000 */
  readonly timeoutMs?: number;
  /** Retries after 429, 408, 409, 5xx, connection errors, timeouts and empty answers. @default 2 */
  readonly maxRetries?: number;
  /** First backoff ceiling; it doubles per retry, with full jitter. @default 500 */
  readonly initialRetryDelayMs?: number;
  /** Cap on any wait between attempts, including one asked for by `Retry-After`. @default 60000 */
  readonly maxRetryDelayMs?: number;
  /** Most HTTP calls this backend has in flight at once (backoff waits hold no slot). @default unlimited */
  readonly concurrency?: number;
  /** Provider name reported by the model (and part of cache keys). @default "openai" */
  readonly provider?: string;
  /** Overrides of the provider's capabilities. @default { structuredOutputs: true, multipleChoices: true, seed: true } */
  readonly capabilities?: Partial<LanguageModelCapabilities>;
  /**
   * Field for `maxTokens`. `max_tokens` is understood by every OpenAI-compatible server (vLLM,
   * Ollama, llama.cpp, Groq...); OpenAI's reasoning models need `max_completion_tokens`.
   * @default "max_tokens"
   */
  readonly maxTokensParameter?: MaxTokensParameter;
  /** The fetch implementation the openai client uses. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Source of backoff jitter in [0, 1); timing only, never outputs. @default Math.random */
  readonly random?: () => number;
}
