import type { GenerateRequest, GenerateResult, LanguageModel } from "@lathe/core";

/**
 * Counts the LM calls in flight across every model it wraps (student and teacher share one
 * gauge) and remembers the peak. Each call is held for `holdMs` first, so calls that a
 * concurrency limit lets through together really overlap.
 */
export class InFlightGauge {
  private inFlight = 0;
  private highest = 0;
  private started = 0;

  constructor(private readonly holdMs = 3) {}

  /** The most calls that were in flight at the same time. */
  get peak(): number {
    return this.highest;
  }

  /** Calls that reached a wrapped model. */
  get calls(): number {
    return this.started;
  }

  wrap(model: LanguageModel): LanguageModel {
    return {
      specificationVersion: model.specificationVersion,
      provider: model.provider,
      modelId: model.modelId,
      capabilities: model.capabilities,
      doGenerate: async (request: GenerateRequest): Promise<GenerateResult> => {
        this.started++;
        this.inFlight++;
        this.highest = Math.max(this.highest, this.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, this.holdMs));
          return await model.doGenerate(request);
        } finally {
          this.inFlight--;
        }
      },
    };
  }
}
