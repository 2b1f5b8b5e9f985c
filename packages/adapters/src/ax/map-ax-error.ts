import {
  AxAIServiceAuthenticationError,
  AxAIServiceError,
  AxAIServiceNetworkError,
  AxAIServiceStatusError,
  AxAIServiceTimeoutError,
} from "@ax-llm/ax";
import { APICallError, TimeoutError } from "@lathe/core";
import { firstLine as firstLineOf, redactAxError } from "./redact-ax-error.js";
import { redactCredentials } from "./redact-credentials.js";

const RETRYABLE_STATUSES = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

export interface AxErrorContext {
  readonly provider: string;
  readonly modelId: string;
  /** The bridge's own limit, when it was the one that fired. */
  readonly timeoutMs: number | undefined;
}

/**
 * Turns an Ax service error into Lathe's typed errors, with a redacted copy as the cause (Ax's
 * own error carries the request and response bodies); anything that is not an Ax service error
 * (a bug, a refusal...) is returned unchanged.
 */
export function mapAxError(error: unknown, context: AxErrorContext): unknown {
  const { provider, modelId } = context;
  if (context.timeoutMs !== undefined || error instanceof AxAIServiceTimeoutError) {
    return new TimeoutError({
      provider,
      modelId,
      timeoutMs: context.timeoutMs ?? timeoutOf(error),
      cause: redactAxError(error),
    });
  }
  if (!(error instanceof AxAIServiceError)) return error;
  const retries = retryCountOf(error);
  const base = { provider, modelId, retries, cause: redactAxError(error) };
  const firstLine = redactCredentials(firstLineOf(error.message));
  if (error instanceof AxAIServiceStatusError) {
    const isRetryable = RETRYABLE_STATUSES.has(error.status);
    return new APICallError(`${provider}/${modelId}: ${firstLine}`, {
      ...base,
      statusCode: error.status,
      isRetryable,
    });
  }
  if (error instanceof AxAIServiceAuthenticationError) {
    return new APICallError(`${provider}/${modelId}: ${firstLine}; check the API key`, {
      ...base,
      isRetryable: false,
    });
  }
  if (error instanceof AxAIServiceNetworkError) {
    return new APICallError(`${provider}/${modelId} could not be reached: ${firstLine}`, {
      ...base,
      isRetryable: true,
    });
  }
  return new APICallError(`${provider}/${modelId}: ${firstLine}`, { ...base, isRetryable: false });
}

function retryCountOf(error: AxAIServiceError): number {
  const metrics = error.context.metrics;
  if (typeof metrics !== "object" || metrics === null) return 0;
  const retryCount = (metrics as { retryCount?: unknown }).retryCount;
  return typeof retryCount === "number" ? retryCount : 0;
}

function timeoutOf(error: unknown): number {
  const match = error instanceof Error ? /(\d+)\s*ms/.exec(error.message) : null;
  return match ? Number(match[1]) : 0;
}
