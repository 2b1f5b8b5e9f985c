import { DEFAULT_PRICES, estimateCost, type GenerateResult, type LanguageModel } from "@lathe/core";

/** A model that records what every call reaching it costs (cache hits never reach it). */
export interface MeteredModel extends LanguageModel {
  /** Prompt tokens of each call, in completion order. */
  readonly promptTokensPerCall: readonly number[];
  /** Completion tokens of each call. */
  readonly completionTokensPerCall: readonly number[];
  /** Prompt + completion tokens of each call. */
  readonly tokensPerCall: readonly number[];
  /** Estimated USD of each call at the default price list (0 for unpriced models). */
  readonly usdPerCall: readonly number[];
}

export function metered(model: LanguageModel): MeteredModel {
  const prompt: number[] = [];
  const completion: number[] = [];
  const tokens: number[] = [];
  const usd: number[] = [];
  const book = (result: GenerateResult) => {
    prompt.push(result.usage.promptTokens);
    completion.push(result.usage.completionTokens);
    tokens.push(result.usage.promptTokens + result.usage.completionTokens);
    usd.push(estimateCost(DEFAULT_PRICES, `${model.provider}/${model.modelId}`, result.usage) ?? 0);
    return result;
  };
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    promptTokensPerCall: prompt,
    completionTokensPerCall: completion,
    tokensPerCall: tokens,
    usdPerCall: usd,
    doGenerate: async (request) => book(await model.doGenerate(request)),
  };
}

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
