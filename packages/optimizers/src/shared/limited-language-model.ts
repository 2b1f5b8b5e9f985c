import type { GenerateRequest, GenerateResult, LanguageModel, Semaphore } from "@lathe/core";

/**
 * The same model (same provider and id, so the same cache keys) with at most `limit` calls in
 * flight, shared by every evaluation and candidate of a compile.
 */
export function limitConcurrency(lm: LanguageModel, semaphore: Semaphore): LanguageModel {
  return {
    specificationVersion: lm.specificationVersion,
    provider: lm.provider,
    modelId: lm.modelId,
    capabilities: lm.capabilities,
    doGenerate: (request: GenerateRequest): Promise<GenerateResult> =>
      semaphore.run(() => lm.doGenerate(request)),
  };
}
