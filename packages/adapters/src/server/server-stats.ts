/** A snapshot of what a model server has seen. */
export interface ServerStats {
  /** Every HTTP request received, on any path. */
  readonly requests: number;
  /** Responses sent in full. */
  readonly completed: number;
  /** Responses cut short: the client went away or a `reset` fault destroyed the socket. */
  readonly disconnected: number;
  /** Completed responses by HTTP status, e.g. `{ 200: 3, 429: 1 }`. */
  readonly byStatus: Readonly<Record<number, number>>;
  /** Chat requests being served right now (admitted, not yet answered). */
  readonly inFlight: number;
  /** The most chat requests ever served at the same time. */
  readonly peakInFlight: number;
}

/** Mutable counters behind `ServerStats`. */
export class StatsRecorder {
  private requests = 0;
  private completed = 0;
  private disconnected = 0;
  private readonly byStatus: Record<number, number> = {};
  private inFlight = 0;
  private peakInFlight = 0;

  received(): void {
    this.requests++;
  }

  ended(statusCode: number, finished: boolean): void {
    if (!finished) {
      this.disconnected++;
      return;
    }
    this.completed++;
    this.byStatus[statusCode] = (this.byStatus[statusCode] ?? 0) + 1;
  }

  get currentInFlight(): number {
    return this.inFlight;
  }

  admit(): void {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
  }

  release(): void {
    this.inFlight--;
  }

  snapshot(): ServerStats {
    return {
      requests: this.requests,
      completed: this.completed,
      disconnected: this.disconnected,
      byStatus: { ...this.byStatus },
      inFlight: this.inFlight,
      peakInFlight: this.peakInFlight,
    };
  }
}
