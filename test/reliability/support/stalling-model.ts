import type { GenerateRequest, GenerateResult, LanguageModel } from "@lathe/core";

export interface StallOptions {
  /** A stall starts at call 0, `every`, 2 × `every`... */
  readonly every: number;
  /** Calls a stall holds: it lets them go once this many are held at the same time. */
  readonly hold: number;
  /**
   * A stall that cannot fill (the client sends fewer calls at once than `hold`) lets its calls
   * go after this long without a new arrival, so the test fails on its counts instead of hanging.
   * @default 5000
   */
  readonly giveUpMs?: number;
}

/** A served model that stalls now and then, with how often its stalls filled up. */
export interface StallingModel extends LanguageModel {
  /** Stalls that held `hold` calls at once before letting them go. */
  readonly fullStalls: number;
  /** Stalls let go by `giveUpMs` before they filled. */
  readonly abandonedStalls: number;
}

/**
 * Wraps `model` so that every `every` calls it stops answering until `hold` calls are waiting on
 * it at once, like a provider that hangs for a moment. A stall fills only when the client keeps
 * `hold` calls in flight, and it is the moment a leaky concurrency limit would send one more.
 */
export function stallingModel(model: LanguageModel, options: StallOptions): StallingModel {
  const giveUpMs = options.giveUpMs ?? 5_000;
  let calls = 0;
  let fullStalls = 0;
  let abandonedStalls = 0;
  let held: (() => void)[] = [];
  let giveUp: NodeJS.Timeout | undefined;

  const release = () => {
    clearTimeout(giveUp);
    for (const resume of held) resume();
    held = [];
  };
  const stalled = () => held.length > 0 || calls % options.every === 0;

  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    get fullStalls() {
      return fullStalls;
    },
    get abandonedStalls() {
      return abandonedStalls;
    },
    async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
      const waits = stalled();
      calls++;
      if (waits) {
        const resumed = new Promise<void>((resolve) => held.push(resolve));
        clearTimeout(giveUp);
        if (held.length >= options.hold) {
          fullStalls++;
          release();
        } else {
          giveUp = setTimeout(() => {
            abandonedStalls++;
            release();
          }, giveUpMs);
        }
        await resumed;
      }
      return model.doGenerate(request);
    },
  };
}
