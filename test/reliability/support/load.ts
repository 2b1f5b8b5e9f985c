import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  createSimModel,
  generateDataset,
  type ModelServer,
  simTasks,
  startModelServer,
} from "@lathe/adapters";
import { ChatAdapter, type Example, type ExampleResult, evaluate, Predict } from "@lathe/core";
import { httpModel } from "./sim-http.js";
import { stallingModel } from "./stalling-model.js";
import { exactMatch, Triage } from "./triage.js";

export interface LoadFigures {
  readonly calls: number;
  readonly concurrency: number;
  readonly errors: number;
  readonly completed: number;
  readonly peakInFlight: number;
  /** Stalls of the served model that filled with `concurrency` calls at once, and that gave up. */
  readonly fullStalls: number;
  readonly abandonedStalls: number;
  /** Heap after a forced GC, once a tenth of the calls were done and at the end, in MB. */
  readonly heapAfterWarmUpMb: number;
  readonly heapAtEndMb: number;
  readonly heapGrowthMb: number;
  readonly durationMs: number;
}

export interface LoadRun {
  readonly figures: LoadFigures;
  readonly dataset: readonly Example[];
  readonly results: readonly ExampleResult[];
  /** What the sim answers for `dataset[index]`, computed in process without HTTP. */
  expected(index: number): Record<string, unknown> | undefined;
}

/** A full garbage collection, without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function heapMb(gc: () => void): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const DISTINCT_ROWS = 500;

/**
 * Evaluates the triage program over `calls` examples at `concurrency` against the sim over HTTP
 * and measures what the server saw and how the heap grew after warm-up. The served sim stalls
 * every `stallEvery` calls until `concurrency` calls wait on it: each stall proves the client
 * filled its limit, and offered it the chance to go over it.
 */
export async function runLoad(options: {
  calls: number;
  concurrency: number;
  latencyMs: number;
  stallEvery: number;
}): Promise<LoadRun> {
  const gc = collector();
  const rows = generateDataset(simTasks["ticket-triage"], { seed: 12, size: DISTINCT_ROWS });
  const dataset: Example[] = Array.from({ length: options.calls }, (_, index) => rows[index % rows.length]!);
  const reference = await evaluate(new Predict(Triage), rows, exactMatch, {
    settings: { lm: createSimModel("small"), adapter: new ChatAdapter() },
  });
  const model = stallingModel(createSimModel("small"), {
    every: options.stallEvery,
    hold: options.concurrency,
  });
  const server: ModelServer = await startModelServer({
    model,
    latencyMs: options.latencyMs,
    jitterMs: options.latencyMs / 2,
  });
  try {
    const warmUp = Math.max(100, Math.floor(options.calls / 10));
    let heapAfterWarmUpMb = 0;
    const started = performance.now();
    const result = await evaluate(new Predict(Triage), dataset, exactMatch, {
      concurrency: options.concurrency,
      settings: { lm: httpModel(server), adapter: new ChatAdapter() },
      onProgress: (progress) => {
        if (progress.completed === warmUp) heapAfterWarmUpMb = heapMb(gc);
      },
    });
    const durationMs = performance.now() - started;
    const heapAtEndMb = heapMb(gc);
    const stats = server.stats;
    const figures: LoadFigures = {
      calls: result.usage.total.calls,
      concurrency: options.concurrency,
      errors: result.errors,
      completed: stats.completed,
      peakInFlight: stats.peakInFlight,
      fullStalls: model.fullStalls,
      abandonedStalls: model.abandonedStalls,
      heapAfterWarmUpMb: round(heapAfterWarmUpMb),
      heapAtEndMb: round(heapAtEndMb),
      heapGrowthMb: round(heapAtEndMb - heapAfterWarmUpMb),
      durationMs: Math.round(durationMs),
    };
    return {
      figures,
      dataset,
      results: result.results,
      expected: (index) => reference.results[index % DISTINCT_ROWS]?.prediction,
    };
  } finally {
    await server.close();
  }
}

/**
 * Results not at their example's index or not holding that example's answer: a response that
 * went to another concurrent request shows up here.
 */
export function misplacedResults(run: LoadRun): ExampleResult[] {
  return run.results.filter(
    (result, index) =>
      result.index !== index ||
      result.example !== run.dataset[index] ||
      JSON.stringify(result.prediction) !== JSON.stringify(run.expected(index)),
  );
}

const round = (value: number) => Math.round(value * 10) / 10;
