import type { TokenUsage } from "../lm/language-model.js";

/** USD per million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

/**
 * List prices for common models (USD per 1M tokens) and nominal prices for the simulated
 * models, so that cost budgets can be exercised offline. Override or extend per Budget.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  "openai/gpt-4o": { input: 2.5, output: 10 },
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6 },
  "openai/gpt-4.1": { input: 2, output: 8 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "openai/gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "openai/o4-mini": { input: 1.1, output: 4.4 },
  "sim/small": { input: 0.15, output: 0.6 },
  "sim/medium": { input: 0.4, output: 1.6 },
  "sim/large": { input: 2.5, output: 10 },
};

/** Estimated USD for a call; undefined when the model's price is unknown. */
export function estimateCost(
  prices: Readonly<Record<string, ModelPrice>>,
  model: string,
  usage: TokenUsage,
): number | undefined {
  const price = prices[model];
  if (!price) return undefined;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}
