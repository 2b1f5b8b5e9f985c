import { type Example, type LanguageModel, MemoryCache, type Metric, UsageTracker } from "@lathe/core";
import type { OptimizerContext } from "../../src/index.js";

/** An optimizer context over a mock model, with a fresh cache and usage tracker. */
export function testContext(fields: {
  lm: LanguageModel;
  trainset: readonly Example[];
  valset?: readonly Example[];
  metric: Metric;
  seed?: number;
}): OptimizerContext {
  const shared = { cache: new MemoryCache(), usage: new UsageTracker() };
  return {
    trainset: fields.trainset,
    valset: fields.valset ?? fields.trainset,
    metric: fields.metric,
    seed: fields.seed ?? 1,
    concurrency: 4,
    student: { ...shared, lm: fields.lm, role: "student" },
    teacher: { ...shared, lm: fields.lm, role: "student" },
  };
}
