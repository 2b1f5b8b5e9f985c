import type { TokenUsage } from "../lm/language-model.js";

/** Totals for one group of calls. Plain JSON. */
export interface UsageTotals {
  /** Calls that reached the provider. */
  calls: number;
  /** Calls answered from the cache (free). */
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  /** Estimated cost in USD of the calls that reached the provider. */
  costUsd: number;
  /** Retries the backends reported. */
  retries: number;
  /** Calls that failed after retries. */
  failures: number;
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
  totals.promptTokens += record.cached ? 0 : (record.usage?.promptTokens ?? 0);
  totals.completionTokens += record.cached ? 0 : (record.usage?.completionTokens ?? 0);
  totals.costUsd += record.costUsd ?? 0;
  totals.retries += record.retries ?? 0;
}
