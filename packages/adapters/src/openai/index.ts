export { createOllama, OLLAMA_DEFAULT_BASE_URL } from "./create-ollama.js";
export { createOpenAI } from "./create-openai.js";
export { createOpenAICompatible } from "./create-openai-compatible.js";
export { MissingApiKeyError } from "./missing-api-key-error.js";
export { MissingBaseURLError } from "./missing-base-url-error.js";
export { OpenAILanguageModel } from "./openai-language-model.js";
export type { MaxTokensParameter, OpenAIOptions } from "./openai-options.js";
