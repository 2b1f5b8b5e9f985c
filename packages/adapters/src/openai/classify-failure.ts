import { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from "openai";
import { isNetworkError } from "./is-network-error.js";

/** Why one attempt failed, in the terms the retry loop needs. */
export type AttemptFailure =
  | {
      readonly kind: "status";
      readonly statusCode: number;
      readonly retryable: boolean;
      readonly headers: Headers | undefined;
      readonly error: unknown;
    }
  | { readonly kind: "connection" | "timeout" | "invalid"; readonly retryable: true; readonly error: unknown }
  | { readonly kind: "client" | "unexpected"; readonly retryable: false; readonly error: unknown };

/** Statuses worth another try, as the openai client itself judges them. */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/**
 * Classifies an error thrown by the openai client (aborts are handled before this). Connection
 * errors are the client's own `APIConnectionError` and errors with a network code (a body cut
 * short); a body that is not JSON is invalid. Both are retried. Anything else is unexpected
 * (a bug, e.g. in a custom `fetch`): retrying it would only repeat it.
 */
export function classifyFailure(error: unknown): AttemptFailure {
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout", retryable: true, error };
  if (error instanceof APIError && typeof error.status === "number") {
    const headers = error.headers instanceof Headers ? error.headers : undefined;
    const hint = headers?.get("x-should-retry");
    const retryable = hint === "true" ? true : hint === "false" ? false : isRetryableStatus(error.status);
    return { kind: "status", statusCode: error.status, retryable, headers, error };
  }
  if (error instanceof APIConnectionError || isNetworkError(error)) {
    return { kind: "connection", retryable: true, error };
  }
  if (error instanceof OpenAIError) return { kind: "client", retryable: false, error };
  if (error instanceof SyntaxError) return { kind: "invalid", retryable: true, error };
  return { kind: "unexpected", retryable: false, error };
}
