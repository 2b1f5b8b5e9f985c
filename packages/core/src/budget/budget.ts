import type { TokenUsage } from "../lm/language-model.js";
import { BudgetExceededError } from "./budget-exceeded-error.js";
import { DEFAULT_PRICES, estimateCost, type ModelPrice } from "./prices.js";

export interface BudgetLimits {
  /** Most LM calls that may reach providers (cache hits are free). */
  readonly maxCalls?: number;
  /** Most prompt + completion tokens. */
  readonly maxTokens?: number;
  /** Most estimated spend in USD. */
  readonly maxUsd?: number;
  /** Extra or overriding prices, keyed `provider/modelId`. @default DEFAULT_PRICES */
  readonly prices?: Readonly<Record<string, ModelPrice>>;
}

export interface BudgetSpent {
  calls: number;
  tokens: number;
  usd: number;
}

/**
 * Caps shared by every call made under it (student and teacher alike). A call reserves its
 * slot before it is sent, so concurrent calls cannot overshoot the call cap; token and cost caps
 * are checked against what has been spent so far, so calls in flight can take the spend past them.
 */
export class Budget {
  private readonly spentSoFar: BudgetSpent = { calls: 0, tokens: 0, usd: 0 };
  private reserved = 0;
  private readonly prices: Readonly<Record<string, ModelPrice>>;
  /** Models whose price is unknown, so their cost counts as 0. */
  readonly unpricedModels = new Set<string>();

  constructor(readonly limits: BudgetLimits) {
    for (const [name, value] of Object.entries(limits)) {
      if (name !== "prices" && value !== undefined && !(typeof value === "number" && value >= 0)) {
        throw new RangeError(`budget ${name} must be a number >= 0, got ${String(value)}`);
      }
    }
    this.prices = { ...DEFAULT_PRICES, ...limits.prices };
  }

  get spent(): Readonly<BudgetSpent> {
    return { ...this.spentSoFar };
  }

  /** The first cap that is reached, if any. */
  exhaustedBy(): BudgetExceededError | undefined {
    const { maxCalls, maxTokens, maxUsd } = this.limits;
    const calls = this.spentSoFar.calls + this.reserved;
    if (maxCalls !== undefined && calls >= maxCalls) return new BudgetExceededError("calls", maxCalls, calls);
    if (maxTokens !== undefined && this.spentSoFar.tokens >= maxTokens) {
      return new BudgetExceededError("tokens", maxTokens, this.spentSoFar.tokens);
    }
    if (maxUsd !== undefined && this.spentSoFar.usd >= maxUsd) {
      return new BudgetExceededError("usd", maxUsd, this.spentSoFar.usd);
    }
    return undefined;
  }

  /**
   * Throws BudgetExceededError if the token or cost cap was reached since this call reserved
   * its slot: a call that waited for a concurrency slot checks again before it is sent, so the
   * calls queued behind the limit do not overshoot those caps.
   */
  checkSpend(): void {
    const { maxTokens, maxUsd } = this.limits;
    if (maxTokens !== undefined && this.spentSoFar.tokens >= maxTokens) {
      throw new BudgetExceededError("tokens", maxTokens, this.spentSoFar.tokens);
    }
    if (maxUsd !== undefined && this.spentSoFar.usd >= maxUsd) {
      throw new BudgetExceededError("usd", maxUsd, this.spentSoFar.usd);
    }
  }

  /** Claims a call slot or throws BudgetExceededError. Pair with `settle` or `release`. */
  reserve(): void {
    const exceeded = this.exhaustedBy();
    if (exceeded) throw exceeded;
    this.reserved++;
  }

  /** Books a finished call; returns its estimated cost. */
  settle(model: string, usage: TokenUsage): number {
    this.reserved--;
    const cost = estimateCost(this.prices, model, usage);
    if (cost === undefined) this.unpricedModels.add(model);
    this.spentSoFar.calls++;
    this.spentSoFar.tokens += usage.promptTokens + usage.completionTokens;
    this.spentSoFar.usd += cost ?? 0;
    return cost ?? 0;
  }

  /** Returns a reserved slot for a call that failed without being billed. */
  release(): void {
    this.reserved--;
  }

  costOf(model: string, usage: TokenUsage): number {
    return estimateCost(this.prices, model, usage) ?? 0;
  }
}
