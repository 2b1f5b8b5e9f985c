import type { GenerateRequest, GenerateResult, LanguageModel } from "../lm/language-model.js";
import { hashValue } from "../util/hash.js";

/** Stores LM results by content-addressed key. */
export interface ResponseCache {
  get(key: string): Promise<GenerateResult | undefined>;
  set(key: string, result: GenerateResult): Promise<void>;
}

/**
 * The cache key: a hash of the provider, the model, and the whole request except its abort
 * signal, with the rollout index made explicit so distinct samples are cached apart.
 */
export function cacheKey(lm: Pick<LanguageModel, "provider" | "modelId">, request: GenerateRequest): string {
  const { signal: _signal, rolloutId, ...rest } = request;
  return hashValue({
    version: 1,
    provider: lm.provider,
    modelId: lm.modelId,
    request: { ...rest, n: rest.n ?? 1, rolloutId: rolloutId ?? 0 },
  });
}
