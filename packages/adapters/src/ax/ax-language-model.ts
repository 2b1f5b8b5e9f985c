import type { AxAIService } from "@ax-llm/ax";
import {
  APICallError,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelCapabilities,
} from "@lathe/core";
import type { AxLanguageModelOptions } from "./ax-language-model-options.js";
import { fromAxChatResponse } from "./from-ax-chat-response.js";
import { mapAxError } from "./map-ax-error.js";
import { toAxChatRequest } from "./to-ax-chat-request.js";

/**
 * Any `@ax-llm/ax` AI service (Anthropic, Gemini, Mistral, Bedrock...) as a Lathe
 * `LanguageModel`. Ax keeps its own retry policy (configure it on the service). Aborting
 * `request.signal` rejects with `signal.reason`.
 */
export class AxLanguageModel implements LanguageModel {
  readonly specificationVersion = "v1" as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: LanguageModelCapabilities;
  // A true private field: the service holds credentials that inspection must not reveal.
  readonly #service: AxAIService;
  readonly #options: AxLanguageModelOptions;

  constructor(service: AxAIService, options: AxLanguageModelOptions = {}) {
    this.#service = service;
    this.#options = options;
    this.provider = options.provider ?? `ax:${service.getName().toLowerCase().replace(/\s+/g, "-")}`;
    this.modelId = options.model ?? "default";
    this.capabilities = {
      structuredOutputs: service.getFeatures(options.model).structuredOutputs ?? false,
      multipleChoices: false,
      seed: false,
      ...options.capabilities,
    };
  }

  async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
    const { request: axRequest, warnings } = toAxChatRequest(request, this.#options.model, this.capabilities);
    const { signal } = request;
    signal?.throwIfAborted();
    const timeout = this.#options.timeoutMs === undefined ? undefined : new AbortController();
    const timer = timeout && setTimeout(() => timeout.abort(), this.#options.timeoutMs);
    const signals = [signal, timeout?.signal].filter((item): item is AbortSignal => item !== undefined);
    const abortSignal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    let response: Awaited<ReturnType<AxAIService["chat"]>>;
    try {
      response = await this.#service.chat(axRequest, { stream: false, ...(abortSignal && { abortSignal }) });
    } catch (error) {
      signal?.throwIfAborted();
      const timeoutMs = timeout?.signal.aborted ? this.#options.timeoutMs : undefined;
      throw mapAxError(error, { provider: this.provider, modelId: this.modelId, timeoutMs });
    } finally {
      clearTimeout(timer);
    }
    if (response instanceof ReadableStream) {
      await response.cancel();
      throw this.invalidResponse("streamed although streaming was off", false);
    }
    const result = fromAxChatResponse(response);
    if (result.choices.length === 0) throw this.invalidResponse("returned no choices", true);
    return warnings.length > 0 ? { ...result, warnings: [...warnings, ...(result.warnings ?? [])] } : result;
  }

  private invalidResponse(what: string, isRetryable: boolean): APICallError {
    const data = { provider: this.provider, modelId: this.modelId, isRetryable, retries: 0 };
    return new APICallError(`${this.provider}/${this.modelId} ${what}`, data);
  }
}

/** Wraps an Ax AI service as a Lathe `LanguageModel`. */
export function axLanguageModel(service: AxAIService, options: AxLanguageModelOptions = {}): AxLanguageModel {
  return new AxLanguageModel(service, options);
}
