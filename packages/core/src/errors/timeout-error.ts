import { LatheError } from "./lathe-error.js";

const NAME = "LatheTimeoutError";

/** A provider call took longer than its timeout (after any retries). */
export class TimeoutError extends LatheError {
  readonly provider: string;
  readonly modelId: string;
  readonly timeoutMs: number;

  constructor(data: { provider: string; modelId: string; timeoutMs: number; cause?: unknown }) {
    super(
      NAME,
      `${data.provider}/${data.modelId} did not answer within ${data.timeoutMs} ms; raise the timeout or check the server`,
      { cause: data.cause },
    );
    this.provider = data.provider;
    this.modelId = data.modelId;
    this.timeoutMs = data.timeoutMs;
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
