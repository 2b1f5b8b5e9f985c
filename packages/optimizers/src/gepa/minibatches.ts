import { type Example, type Rng, shuffled } from "@lathe/core";

/**
 * Seeded minibatches over the training set, epoch by epoch: each epoch is a fresh shuffle, so
 * every example is used once before any is used twice.
 */
export class Minibatches {
  private order: number[] = [];
  private position = 0;
  private epoch = 0;

  constructor(
    private readonly examples: readonly Example[],
    private readonly size: number,
    private readonly rng: Rng,
  ) {}

  /** The next batch: the examples and their indices in the training set. */
  next(): { readonly indices: readonly number[]; readonly examples: readonly Example[] } {
    const indices: number[] = [];
    const size = Math.min(this.size, this.examples.length);
    while (indices.length < size) {
      if (this.position >= this.order.length) {
        this.order = shuffled(
          this.examples.map((_, index) => index),
          this.rng.fork(`epoch:${this.epoch++}`),
        );
        this.position = 0;
      }
      const index = this.order[this.position++]!;
      if (!indices.includes(index)) indices.push(index);
    }
    return { indices, examples: indices.map((index) => this.examples[index]!) };
  }
}
