import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  createSimModel,
  generateDataset,
  type ModelServer,
  simTasks,
  startModelServer,
} from "@lathe/adapters";
import { ChatAdapter, type Example, evaluate, Predict } from "@lathe/core";
import { httpModel } from "./sim-http.js";
import { exactMatch, Triage } from "./triage.js";

export interface LoadFigures {
  readonly calls: number;
  readonly concurrency: number;
  readonly errors: number;
  readonly completed: number;
  readonly peakInFlight: number;
  /** Heap after a forced GC, once a tenth of the calls were done and at the end, in MB. */
  readonly heapAfterWarmUpMb: number;
  readonly heapAtEndMb: number;
  readonly heapGrowthMb: number;
  readonly durationMs: number;
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

/**
 * Evaluates the triage program over `calls` examples at `concurrency` against the sim over HTTP
 * and measures what the server saw and how the heap grew after warm-up.
 */
export async function runLoad(options: {
  calls: number;
  concurrency: number;
  latencyMs: number;
}): Promise<LoadFigures> {
  const gc = collector();
  const rows = generateDataset(simTasks["ticket-triage"], { seed: 12, size: 500 });
  const dataset: Example[] = Array.from({ length: options.calls }, (_, index) => rows[index % rows.length]!);
  const server: ModelServer = await startModelServer({
    model: createSimModel("small"),
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
    return {
      calls: result.usage.total.calls,
      concurrency: options.concurrency,
      errors: result.errors,
      completed: stats.completed,
      peakInFlight: stats.peakInFlight,
      heapAfterWarmUpMb: round(heapAfterWarmUpMb),
      heapAtEndMb: round(heapAtEndMb),
      heapGrowthMb: round(heapAtEndMb - heapAfterWarmUpMb),
      durationMs: Math.round(durationMs),
    };
  } finally {
    await server.close();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
