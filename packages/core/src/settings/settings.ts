import { AsyncLocalStorage } from "node:async_hooks";
import type { PromptAdapter } from "../adapters/prompt-adapter.js";
import type { Budget } from "../budget/budget.js";
import type { ResponseCache } from "../cache/response-cache.js";
import type { LanguageModel } from "../lm/language-model.js";
import type { TraceCollector } from "../trace/trace.js";
import type { UsageTracker } from "../usage/usage-tracker.js";

/** Configuration for LM calls made inside a scope. Every field is optional. */
export interface Settings {
  /** The model predictors call. */
  readonly lm?: LanguageModel;
  /** How prompts are written and parsed. @default JsonAdapter if the LM has structured outputs, else ChatAdapter */
  readonly adapter?: PromptAdapter;
  /** Response cache; none by default. */
  readonly cache?: ResponseCache;
  /** Hard caps on calls, tokens and cost; none by default. */
  readonly budget?: Budget;
  /** Receives the usage of every call. */
  readonly usage?: UsageTracker;
  /** @default 0 */
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Extra attempts after a reply that cannot be parsed. @default 2 */
  readonly maxParseRetries?: number;
  /** Sample index at temperature > 0; part of the cache key. @default 0 */
  readonly rolloutId?: number;
  /** Label for usage accounting, e.g. "student" or "teacher". @default "default" */
  readonly role?: string;
  readonly signal?: AbortSignal;
}

interface Scope {
  readonly settings: Settings;
  readonly traces: readonly TraceCollector[];
}

const storage = new AsyncLocalStorage<Scope>();

/** The settings in force here (the innermost `withSettings` wins field by field). */
export function getSettings(): Settings {
  return storage.getStore()?.settings ?? {};
}

/** Runs `fn` with `overrides` layered over the current settings; nothing leaks outside it. */
export function withSettings<T>(overrides: Settings, fn: () => T): T {
  const current = storage.getStore();
  const settings = { ...current?.settings, ...definedOnly(overrides) };
  return storage.run({ settings, traces: current?.traces ?? [] }, fn);
}

/** Runs `fn` with one more trace collector receiving predictor calls. */
export function withTraceCollector<T>(collector: TraceCollector, fn: () => T): T {
  const current = storage.getStore();
  return storage.run(
    { settings: current?.settings ?? {}, traces: [...(current?.traces ?? []), collector] },
    fn,
  );
}

export function activeTraceCollectors(): readonly TraceCollector[] {
  return storage.getStore()?.traces ?? [];
}

function definedOnly(settings: Settings): Settings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Settings;
}
