export * from "./adapters/index.js";
export * from "./artifact/index.js";
export type {
  DemoAtPath,
  FieldsMatch,
  PredictorKeys,
  SignatureAtPath,
  TypedArtifact,
  ValueAtPath,
} from "./artifact/typed-artifact.js";
export { Budget, type BudgetLimits, type BudgetSpent } from "./budget/budget.js";
export { BudgetExceededError, type BudgetLimitKind } from "./budget/budget-exceeded-error.js";
export { DEFAULT_PRICES, estimateCost, type ModelPrice } from "./budget/prices.js";
export { DiskCache, type DiskCacheOptions } from "./cache/disk-cache.js";
export { MemoryCache } from "./cache/memory-cache.js";
export { cacheKey, type ResponseCache } from "./cache/response-cache.js";
export { DatasetError } from "./data/dataset-error.js";
export type { Example } from "./data/example.js";
export { type JsonlOptions, loadJsonl, parseJsonl } from "./data/jsonl.js";
export { datasetHash, shuffleExamples, splitExamples } from "./data/split.js";
export { APICallError, type APICallErrorData } from "./errors/api-call-error.js";
export { LatheError } from "./errors/lathe-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { type ConfidenceInterval, meanWithInterval } from "./evaluate/confidence-interval.js";
export {
  type EvaluateOptions,
  type EvaluationProgress,
  type EvaluationResult,
  type ExampleResult,
  evaluate,
} from "./evaluate/evaluate.js";
export { EvaluationError } from "./evaluate/evaluation-error.js";
export {
  type Metric,
  type MetricResult,
  type NormalizedScore,
  normalizeMetricResult,
} from "./evaluate/metric.js";
export { type GenerateOutcome, generate } from "./lm/generate.js";
export type * from "./lm/language-model.js";
export {
  MockLanguageModel,
  type MockLanguageModelOptions,
  type MockResponse,
} from "./lm/mock-language-model.js";
export * from "./meta/index.js";
export * from "./modules/index.js";
export { createRng, hashString, type Rng } from "./random/rng.js";
export { sample, shuffled } from "./random/shuffle.js";
export { getSettings, type Settings, withSettings } from "./settings/settings.js";
export * from "./signatures/index.js";
export { type TraceEntry, traced } from "./trace/trace.js";
export {
  emptyTotals,
  type LogicalUsage,
  logicalUsage,
  type UsageRecord,
  type UsageSummary,
  type UsageTotals,
  UsageTracker,
} from "./usage/usage-tracker.js";
export { writeFileAtomic } from "./util/atomic-write.js";
export { canonicalJson } from "./util/canonical-json.js";
export { hashValue, sha256 } from "./util/hash.js";
export { mapConcurrent, Semaphore } from "./util/semaphore.js";
