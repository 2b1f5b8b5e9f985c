import { BudgetExceededError } from "../budget/budget-exceeded-error.js";
import { DEFAULT_PRICES, estimateCost } from "../budget/prices.js";
import { cacheKey } from "../cache/response-cache.js";
import { APICallError } from "../errors/api-call-error.js";
import type { Settings } from "../settings/settings.js";
import type { GenerateRequest, GenerateResult, LanguageModel } from "./language-model.js";

export interface GenerateOutcome {
  readonly result: GenerateResult;
  readonly cached: boolean;
}

const inFlight = new WeakMap<object, Map<string, Promise<GenerateResult>>>();

/**
 * The one path every LM call takes: cache lookup, budget reservation, the provider call,
 * usage accounting, cache store. Identical concurrent requests sharing a cache are sent once.
 */
export async function generate(
  lm: LanguageModel,
  request: GenerateRequest,
  settings: Settings,
  path: string,
): Promise<GenerateOutcome> {
  const { cache, usage } = settings;
  const model = `${lm.provider}/${lm.modelId}`;
  const role = settings.role ?? "default";
  if (!cache) return { result: await callProvider(lm, request, settings, path), cached: false };

  const key = cacheKey(lm, request);
  const hit = await cache.get(key);
  if (hit) {
    usage?.record({
      role,
      model,
      path,
      cached: true,
      usage: hit.usage,
      costUsd: priceOf(settings, model, hit),
      truncated: isTruncated(hit),
    });
    return { result: hit, cached: true };
  }
  const pending = pendingFor(cache);
  const shared = pending.get(key);
  if (shared) {
    const result = await shared;
    usage?.record({
      role,
      model,
      path,
      cached: true,
      usage: result.usage,
      costUsd: priceOf(settings, model, result),
      truncated: isTruncated(result),
    });
    return { result, cached: true };
  }
  const call = callProvider(lm, request, settings, path).then(async (result) => {
    if (result.choices.length > 0) await cache.set(key, result);
    return result;
  });
  pending.set(key, call);
  try {
    return { result: await call, cached: false };
  } finally {
    pending.delete(key);
  }
}

async function callProvider(
  lm: LanguageModel,
  request: GenerateRequest,
  settings: Settings,
  path: string,
): Promise<GenerateResult> {
  const { usage, budget } = settings;
  const model = `${lm.provider}/${lm.modelId}`;
  const role = settings.role ?? "default";
  budget?.reserve();
  let result: GenerateResult;
  try {
    result = await lm.doGenerate(request);
  } catch (error) {
    budget?.release();
    // A model wrapper stopped the call before it was sent (a cap reached while it queued).
    if (BudgetExceededError.isInstance(error)) throw error;
    const retries = APICallError.isInstance(error) ? error.retries : 0;
    usage?.record({ role, model, path, cached: false, failed: true, retries });
    throw error;
  }
  const costUsd = budget ? budget.settle(model, result.usage) : priceOf(settings, model, result);
  usage?.record({
    role,
    model,
    path,
    cached: false,
    usage: result.usage,
    costUsd,
    retries: result.retries ?? 0,
    truncated: isTruncated(result),
  });
  return result;
}

function priceOf(settings: Settings, model: string, result: GenerateResult): number {
  return settings.budget
    ? settings.budget.costOf(model, result.usage)
    : (estimateCost(DEFAULT_PRICES, model, result.usage) ?? 0);
}

function isTruncated(result: GenerateResult): boolean {
  return result.choices.some((choice) => choice.finishReason === "length");
}

function pendingFor(cache: object): Map<string, Promise<GenerateResult>> {
  let pending = inFlight.get(cache);
  if (!pending) {
    pending = new Map();
    inFlight.set(cache, pending);
  }
  return pending;
}
