import { MissingBaseURLError } from "./missing-base-url-error.js";
import { OpenAILanguageModel } from "./openai-language-model.js";
import type { OpenAIOptions } from "./openai-options.js";

/**
 * A model on any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, OpenRouter, Together,
 * Groq...). `baseURL` is required. The key is `options.apiKey` only (a placeholder when unset):
 * `OPENAI_API_KEY` is never sent to a third-party server.
 *
 * Capabilities default to what every such server can do: seed yes, structured outputs and
 * multiple choices no (many servers silently ignore `response_format` or `n`); override them
 * with `capabilities` when the server supports more.
 * @throws MissingBaseURLError without a `baseURL`.
 */
export function createOpenAICompatible(options: OpenAIOptions): OpenAILanguageModel {
  const provider = options.provider ?? "openai-compatible";
  if (!options.baseURL) throw new MissingBaseURLError({ provider });
  return new OpenAILanguageModel(
    {
      ...options,
      apiKey: options.apiKey ?? "not-needed",
      provider,
      capabilities: { structuredOutputs: false, multipleChoices: false, seed: true, ...options.capabilities },
    },
    { secretApiKey: options.apiKey !== undefined, thirdParty: true },
  );
}
