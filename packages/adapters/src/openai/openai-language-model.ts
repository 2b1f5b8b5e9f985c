import {
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelCapabilities,
  Semaphore,
} from "@lathe/core";
import OpenAI from "openai";
import { attemptChatCompletion } from "./attempt-chat-completion.js";
import { credentialHeaderValues } from "./credential-header-values.js";
import { finalError } from "./final-error.js";
import { fromChatCompletion } from "./from-chat-completion.js";
import { MissingApiKeyError } from "./missing-api-key-error.js";
import type { MaxTokensParameter, OpenAIOptions } from "./openai-options.js";
import { retryDelay } from "./retry-delay.js";
import { sleep } from "./sleep.js";
import { toChatCompletionParams } from "./to-chat-completion-params.js";

const OPENAI_CAPABILITIES: LanguageModelCapabilities = {
  structuredOutputs: true,
  multipleChoices: true,
  seed: true,
};
const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * A `LanguageModel` backed by the official `openai` client, for OpenAI and every
 * OpenAI-compatible server. Retries are Lathe's own (the client's are off) so that they are
 * counted in `GenerateResult.retries`.
 *
 * Aborting `request.signal` cancels the HTTP call, a backoff wait or a wait for a concurrency
 * slot, and rejects with `signal.reason` (a DOMException named `AbortError` when `abort()` was
 * called without a reason), just as `fetch` does.
 */
export class OpenAILanguageModel implements LanguageModel {
  readonly specificationVersion = "v1" as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: LanguageModelCapabilities;
  // True private fields: neither `util.inspect` nor `JSON.stringify` reveals the key they hold.
  readonly #client: OpenAI;
  readonly #secrets: readonly string[];
  private readonly semaphore: Semaphore | undefined;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly initialRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxTokensParameter: MaxTokensParameter;
  private readonly random: () => number;

  /**
   * `internal` is for the Ollama and OpenAI-compatible factories: `secretApiKey: false` marks a
   * placeholder key that need not be redacted; `thirdParty` keeps OpenAI's organization and
   * project ids (from the environment) away from other servers.
   */
  constructor(
    options: OpenAIOptions,
    internal: { readonly secretApiKey?: boolean; readonly thirdParty?: boolean } = {},
  ) {
    this.provider = options.provider ?? "openai";
    this.modelId = options.modelId;
    this.capabilities = { ...OPENAI_CAPABILITIES, ...options.capabilities };
    if (options.apiKey === undefined && !process.env.OPENAI_API_KEY?.trim()) {
      throw new MissingApiKeyError({ provider: this.provider, environmentVariable: "OPENAI_API_KEY" });
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      defaultHeaders: options.headers,
      fetch: options.fetch,
      timeout: this.timeoutMs,
      maxRetries: 0,
      ...(internal.thirdParty && { organization: null, project: null }),
    });
    const apiKey = this.#client.apiKey;
    this.#secrets = [
      ...(apiKey && internal.secretApiKey !== false ? [apiKey] : []),
      ...credentialHeaderValues(options.headers),
    ];
    this.semaphore = options.concurrency === undefined ? undefined : new Semaphore(options.concurrency);
    this.maxRetries = options.maxRetries ?? 2;
    this.initialRetryDelayMs = options.initialRetryDelayMs ?? 500;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
    this.maxTokensParameter = options.maxTokensParameter ?? "max_tokens";
    this.random = options.random ?? Math.random;
  }

  /** The base URL requests go to (after `OPENAI_BASE_URL` and defaults are applied). */
  get baseURL(): string {
    return this.#client.baseURL;
  }

  async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
    const { params, warnings } = toChatCompletionParams(
      this.modelId,
      request,
      this.capabilities,
      this.maxTokensParameter,
    );
    const { signal } = request;
    signal?.throwIfAborted();
    for (let retries = 0; ; retries++) {
      const outcome = await attemptChatCompletion(this.#client, params, {
        signal,
        timeoutMs: this.timeoutMs,
        semaphore: this.semaphore,
      });
      if (outcome.ok) {
        const result = fromChatCompletion(outcome.completion);
        const allWarnings = [...warnings, ...(result.warnings ?? [])];
        return { ...result, ...(allWarnings.length > 0 && { warnings: allWarnings }), retries };
      }
      const failure = outcome.failure;
      if (!failure.retryable || retries >= this.maxRetries) {
        const { provider, modelId, timeoutMs } = this;
        throw finalError(failure, { provider, modelId, timeoutMs, retries, secrets: this.#secrets });
      }
      const headers = failure.kind === "status" ? failure.headers : undefined;
      const delayMs = retryDelay({
        retry: retries,
        headers,
        initialDelayMs: this.initialRetryDelayMs,
        maxDelayMs: this.maxRetryDelayMs,
        random: this.random,
      });
      await sleep(delayMs, signal);
    }
  }
}
