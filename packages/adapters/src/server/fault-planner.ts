import { createRng, type Rng } from "@lathe/core";
import type { Fault } from "./fault.js";
import type { ModelServerOptions } from "./model-server-options.js";

/** What the server does to one chat request: how long to wait, and which fault (if any). */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly fault: Fault | undefined;
  /** Drives garbling, so a malformed answer is reproducible too. */
  readonly rng: Rng;
}

const SERVER_ERRORS = [500, 502, 503] as const;

/**
 * Decides latency and faults per request index. Each request draws from its own generator
 * (forked from the seed by index), so request i gets the same plan whatever came before it.
 */
export class FaultPlanner {
  private readonly root: Rng;
  private readonly queue: Fault[];
  private readonly rates: readonly (readonly [number, (rng: Rng) => Fault])[];

  constructor(private readonly options: ModelServerOptions) {
    this.root = createRng(options.seed ?? 0);
    this.queue = [...(options.faults ?? [])];
    this.rates = [
      [options.errorRate ?? 0, (rng) => ({ kind: "status", status: pickStatus(rng) })],
      [options.malformedRate ?? 0, () => ({ kind: "malformed" })],
      [options.resetRate ?? 0, () => ({ kind: "reset" })],
      [options.lengthRate ?? 0, () => ({ kind: "length" })],
      [options.emptyChoicesRate ?? 0, () => ({ kind: "empty-choices" })],
      [options.invalidJsonRate ?? 0, () => ({ kind: "invalid-json" })],
    ];
    const total = this.rates.reduce((sum, [rate]) => sum + rate, 0);
    if (this.rates.some(([rate]) => rate < 0) || total > 1) {
      throw new RangeError(`fault rates must be >= 0 and sum to at most 1, got a total of ${total}`);
    }
  }

  /** Queues faults for the next requests, ahead of any random draw. */
  enqueue(fault: Fault, times: number): void {
    for (let count = 0; count < times; count++) this.queue.push(fault);
  }

  plan(requestIndex: number): FaultPlan {
    const rng = this.root.fork(requestIndex);
    const base = this.options.latencyMs ?? 0;
    const jitter = this.options.jitterMs ?? 0;
    const latencyMs = Math.max(0, base + (rng.next() * 2 - 1) * jitter);
    const scripted = this.queue.shift();
    return { latencyMs, fault: scripted ?? this.draw(rng), rng };
  }

  private draw(rng: Rng): Fault | undefined {
    const roll = rng.next();
    let threshold = 0;
    for (const [rate, make] of this.rates) {
      threshold += rate;
      if (roll < threshold) return make(rng);
    }
    return undefined;
  }
}

function pickStatus(rng: Rng): number {
  return SERVER_ERRORS[rng.int(0, SERVER_ERRORS.length - 1)] ?? 500;
}
