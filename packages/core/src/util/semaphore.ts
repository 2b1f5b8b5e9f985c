/**
 * Limits how many async tasks run at once. Waiters are served first come, first served.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`concurrency must be a whole number >= 1, got ${limit}`);
    }
  }

  /** Whether a task run now would start at once, without waiting for a slot. */
  get hasFreeSlot(): boolean {
    return this.active < this.limit;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // Hand the slot straight to the next waiter so `active` never dips below the limit.
    if (next) next();
    else this.active--;
  }
}

/** Maps over items with at most `concurrency` in flight; results keep the input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const semaphore = new Semaphore(concurrency);
  return Promise.all(items.map((item, index) => semaphore.run(() => task(item, index))));
}
