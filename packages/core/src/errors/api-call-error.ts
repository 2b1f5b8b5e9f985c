import { LatheError } from "./lathe-error.js";

const NAME = "LatheAPICallError";

export interface APICallErrorData {
  readonly provider: string;
  readonly modelId: string;
  /** HTTP status, when the server answered. */
  readonly statusCode?: number;
  /** Whether trying again later may succeed (429, 5xx, connection errors). */
  readonly isRetryable: boolean;
  /** How many retries were made before giving up. */
  readonly retries: number;
  readonly cause?: unknown;
}

/** A provider call failed. The message never contains credentials. */
export class APICallError extends LatheError {
  readonly provider: string;
  readonly modelId: string;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;
  readonly retries: number;

  constructor(message: string, data: APICallErrorData) {
    super(NAME, message, { cause: data.cause });
    this.provider = data.provider;
    this.modelId = data.modelId;
    this.statusCode = data.statusCode;
    this.isRetryable = data.isRetryable;
    this.retries = data.retries;
  }

  static override isInstance(error: unknown): error is APICallError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
