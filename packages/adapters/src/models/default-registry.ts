import type { LanguageModel } from "@lathe/core";
import { createOllama } from "../openai/create-ollama.js";
import { createOpenAI } from "../openai/create-openai.js";
import { createOpenAICompatible } from "../openai/create-openai-compatible.js";
import { createSimModel } from "../sim/sim-language-model.js";
import { type ProviderFactory, ProviderRegistry, type ResolveModelOptions } from "./provider-registry.js";

/** The registry behind `resolveModel`: `openai`, `ollama`, `openai-compatible` and `sim` built in. */
export const defaultProviderRegistry = new ProviderRegistry();
defaultProviderRegistry.register("openai", (modelId, options) => createOpenAI({ ...options, modelId }));
defaultProviderRegistry.register("ollama", (modelId, options) => createOllama({ ...options, modelId }));
defaultProviderRegistry.register("openai-compatible", (modelId, options) =>
  createOpenAICompatible({ ...options, modelId }),
);
// The offline simulated model: `sim/small`, `sim/medium`, `sim/large`.
defaultProviderRegistry.register("sim", (modelId) => createSimModel(modelId));

/** Adds a provider to the default registry (e.g. `sim`); returns a function that undoes it. */
export function registerProvider(name: string, factory: ProviderFactory): () => void {
  return defaultProviderRegistry.register(name, factory);
}

/**
 * Builds a model from a string such as `openai/gpt-4o-mini`, `ollama/llama3.2` or
 * `openai-compatible/my-model` (the last needs `options.baseURL`).
 * @throws UnknownModelError listing the known providers.
 */
export function resolveModel(modelString: string, options: ResolveModelOptions = {}): LanguageModel {
  return defaultProviderRegistry.resolve(modelString, options);
}

/** Alias of `resolveModel`. */
export const createModelFromString = resolveModel;
