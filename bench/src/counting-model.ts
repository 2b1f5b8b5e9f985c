import type { GenerateRequest, GenerateResult, LanguageModel } from "@lathe/core";

/** A model that counts its calls and the prompt characters it was sent. */
export interface CountingModel extends LanguageModel {
  readonly counts: { calls: number; promptChars: number };
}

export function countingModel(inner: LanguageModel): CountingModel {
  const counts = { calls: 0, promptChars: 0 };
  return {
    specificationVersion: inner.specificationVersion,
    provider: inner.provider,
    modelId: inner.modelId,
    capabilities: inner.capabilities,
    counts,
    doGenerate(request: GenerateRequest): Promise<GenerateResult> {
      counts.calls++;
      counts.promptChars += request.messages.reduce((sum, message) => sum + message.content.length, 0);
      return inner.doGenerate(request);
    },
  };
}
