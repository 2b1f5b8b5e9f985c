import type { TokenUsage } from "../lm/language-model.js";

/** Totals for one group of calls. Plain JSON. */
export interface UsageTotals {
  /** Calls that reached the provider. */
  calls: number;
  /** Calls answered from the cache (free), including identical calls shared while in flight. */
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  /** Estimated cost in USD of the calls that reached the provider. */
  costUsd: number;
  /** Retries the backends reported. */
  retries: number;
  /** Calls that failed after retries. */
  failures: number;
  /** Replies, fresh or cached, cut off by the token limit (finish reason `length`). */
  truncated: number;
  /** Tokens and cost the cache hits would have cost: what the cache saved. */
  cachedPromptTokens: number;
  cachedCompletionTokens: number;
  cachedCostUsd: number;
}

export interface UsageRecord {
  readonly role: string;
  /** `provider/modelId` */
  readonly model: string;
  readonly path: string;
  readonly cached: boolean;
  readonly usage?: TokenUsage;
  readonly costUsd?: number;
  readonly retries?: number;
  readonly failed?: boolean;
  /** The reply was cut off by the token limit. */
  readonly truncated?: boolean;
}

/** Usage broken down three ways. */
export interface UsageSummary {
  total: UsageTotals;
  byRole: Record<string, UsageTotals>;
  byModel: Record<string, UsageTotals>;
  byPredictor: Record<string, UsageTotals>;
}

export function emptyTotals(): UsageTotals {
  return {
    calls: 0,
    cacheHits: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    retries: 0,
    failures: 0,
    truncated: 0,
    cachedPromptTokens: 0,
    cachedCompletionTokens: 0,
    cachedCostUsd: 0,
  };
}

/** Accumulates usage; a child tracker also forwards every record to its parent. */
export class UsageTracker {
  private readonly summary: UsageSummary = { total: emptyTotals(), byRole: {}, byModel: {}, byPredictor: {} };

  constructor(private readonly parent?: UsageTracker) {}

  child(): UsageTracker {
    return new UsageTracker(this);
  }

  record(record: UsageRecord): void {
    for (const totals of [
      this.summary.total,
      bucket(this.summary.byRole, record.role),
      bucket(this.summary.byModel, record.model),
      bucket(this.summary.byPredictor, record.path),
    ]) {
      add(totals, record);
    }
    this.parent?.record(record);
  }

  /** A JSON copy of the totals so far. */
  snapshot(): UsageSummary {
    return structuredClone(this.summary);
  }

  get total(): Readonly<UsageTotals> {
    return this.summary.total;
  }
}

function bucket(map: Record<string, UsageTotals>, key: string): UsageTotals {
  map[key] ??= emptyTotals();
  return map[key];
}

function add(totals: UsageTotals, record: UsageRecord): void {
  if (record.failed) totals.failures++;
  else if (record.cached) totals.cacheHits++;
  else totals.calls++;
  if (record.truncated) totals.truncated++;
  const prompt = record.usage?.promptTokens ?? 0;
  const completion = record.usage?.completionTokens ?? 0;
  if (record.cached) {
    totals.cachedPromptTokens += prompt;
    totals.cachedCompletionTokens += completion;
    totals.cachedCostUsd += record.costUsd ?? 0;
  } else {
    totals.promptTokens += prompt;
    totals.completionTokens += completion;
    totals.costUsd += record.costUsd ?? 0;
  }
  totals.retries += record.retries ?? 0;
}

/** Usage as if nothing had been cached: the same for a cold and a warm run of the same work. */
export interface LogicalUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export function logicalUsage(totals: UsageTotals): LogicalUsage {
  return {
    requests: totals.calls + totals.cacheHits,
    promptTokens: totals.promptTokens + totals.cachedPromptTokens,
    completionTokens: totals.completionTokens + totals.cachedCompletionTokens,
    costUsd: roundUsd(totals.costUsd + totals.cachedCostUsd),
  };
}

function roundUsd(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
