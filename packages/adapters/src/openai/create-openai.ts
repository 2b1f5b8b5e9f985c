import { OpenAILanguageModel } from "./openai-language-model.js";
import type { OpenAIOptions } from "./openai-options.js";

/**
 * An OpenAI chat model. The key and base URL come from the options, else from
 * `OPENAI_API_KEY` / `OPENAI_BASE_URL` exactly as the openai client reads them.
 * @throws MissingApiKeyError when there is no key at all.
 */
export function createOpenAI(options: OpenAIOptions): OpenAILanguageModel {
  return new OpenAILanguageModel(options);
}
