import type { Budget, GenerateRequest, GenerateResult, LanguageModel, Semaphore } from "@lathe/core";

/**
 * The same model (same provider and id, so the same cache keys) with at most `limit` calls in
 * flight, shared by every evaluation and candidate of a compile. With a budget, a call that
 * waited for its slot checks the token and cost caps again before it is sent.
 */
export function limitConcurrency(lm: LanguageModel, semaphore: Semaphore, budget?: Budget): LanguageModel {
  return {
    specificationVersion: lm.specificationVersion,
    provider: lm.provider,
    modelId: lm.modelId,
    capabilities: lm.capabilities,
    doGenerate: (request: GenerateRequest): Promise<GenerateResult> => {
      const queued = !semaphore.hasFreeSlot;
      return semaphore.run(async () => {
        if (budget && queued) {
          // The call that freed this slot books its spend in a continuation of its own: let it
          // run first, so the check sees it.
          await new Promise((resolve) => setImmediate(resolve));
          budget.checkSpend();
        }
        return lm.doGenerate(request);
      });
    },
  };
}
