import { APICallError, TimeoutError } from "@lathe/core";
import type { AttemptFailure } from "./classify-failure.js";
import { redactError, redactText } from "./redact-error.js";

export interface FinalErrorContext {
  readonly provider: string;
  readonly modelId: string;
  readonly timeoutMs: number;
  readonly retries: number;
  /** Removed from the message and the whole cause chain. */
  readonly secrets: readonly string[];
}

/**
 * The error thrown once retries are over: `TimeoutError` for a timeout, else `APICallError`
 * (an invalid response counts as status 200). The cause is a redacted copy of the SDK error.
 */
export function finalError(failure: AttemptFailure, context: FinalErrorContext): Error {
  const { provider, modelId, retries, secrets } = context;
  const cause = redactError(failure.error, secrets);
  if (failure.kind === "timeout") {
    return new TimeoutError({ provider, modelId, timeoutMs: context.timeoutMs, cause });
  }
  const statusCode =
    failure.kind === "status" ? failure.statusCode : failure.kind === "invalid" ? 200 : undefined;
  return new APICallError(describe(failure, context), {
    provider,
    modelId,
    ...(statusCode !== undefined && { statusCode }),
    isRetryable: failure.retryable,
    retries,
    cause,
  });
}

/** One line: what failed, how often it was tried, and what to do. */
function describe(failure: AttemptFailure, context: FinalErrorContext): string {
  const { retries } = context;
  const error = failure.error;
  const detail = redactText(error instanceof Error ? error.message : String(error), context.secrets);
  const after = retries > 0 ? ` after ${retries} ${retries === 1 ? "retry" : "retries"}` : "";
  const target = `${context.provider}/${context.modelId}`;
  switch (failure.kind) {
    case "status":
      return `${target} failed with HTTP ${failure.statusCode}${after}: ${detail}${hint(failure.statusCode)}`;
    case "invalid":
      return `${target} returned an invalid response${after}: ${detail}`;
    case "connection":
      return `${target} could not be reached${after}: ${detail}; check the base URL and that the server is running`;
    case "unexpected":
      return `${target} failed with an unexpected error (not retried): ${redactText(errorName(error), context.secrets)}${detail}`;
    default:
      return `${target} failed${after}: ${detail}`;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
}

function hint(statusCode: number): string {
  if (statusCode === 401 || statusCode === 403) return "; check the API key";
  if (statusCode === 404) return "; check the model name and the base URL";
  if (statusCode === 429) return "; lower the concurrency or raise maxRetries";
  return "";
}
