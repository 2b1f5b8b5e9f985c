import { activeTraceCollectors, withTraceCollector } from "../settings/settings.js";

/** One predictor call seen inside a traced scope. */
export interface TraceEntry {
  /** The predictor's dotted path in the program, e.g. `answer.predict`. */
  readonly path: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** How many demos were in the prompt. */
  readonly demosUsed: number;
}

export class TraceCollector {
  readonly entries: TraceEntry[] = [];

  record(entry: TraceEntry): void {
    this.entries.push(entry);
  }
}

/** Runs `fn` and returns its result with every predictor call made inside it, in call order. */
export async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; trace: TraceEntry[] }> {
  const collector = new TraceCollector();
  const result = await withTraceCollector(collector, fn);
  return { result, trace: collector.entries };
}

export function recordTrace(entry: TraceEntry): void {
  for (const collector of activeTraceCollectors()) collector.record(entry);
}
