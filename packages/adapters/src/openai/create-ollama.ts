import { OpenAILanguageModel } from "./openai-language-model.js";
import type { OpenAIOptions } from "./openai-options.js";

/** Where Ollama serves its OpenAI-compatible API by default. */
export const OLLAMA_DEFAULT_BASE_URL = "http://127.0.0.1:11434/v1";

/**
 * An Ollama model through its OpenAI-compatible API. Base URL: `options.baseURL`, else
 * `OLLAMA_BASE_URL`, else http://127.0.0.1:11434/v1. Ollama needs no key, so a placeholder is
 * sent; `OPENAI_API_KEY` is never read (it must not leak to another server).
 *
 * Capabilities: structured outputs yes (Ollama enforces `json_schema` response formats since
 * 0.5); seed yes; multiple choices no (Ollama ignores `n` and returns one choice).
 */
export function createOllama(options: OpenAIOptions): OpenAILanguageModel {
  const baseURL = options.baseURL ?? (process.env.OLLAMA_BASE_URL?.trim() || OLLAMA_DEFAULT_BASE_URL);
  return new OpenAILanguageModel(
    {
      ...options,
      baseURL,
      apiKey: options.apiKey ?? "ollama",
      provider: options.provider ?? "ollama",
      capabilities: { structuredOutputs: true, multipleChoices: false, seed: true, ...options.capabilities },
    },
    { secretApiKey: options.apiKey !== undefined, thirdParty: true },
  );
}
