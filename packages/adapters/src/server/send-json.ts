import type { ServerResponse } from "node:http";

/** Writes a JSON response with the given status and extra headers. */
export function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(statusCode, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** An OpenAI-style error: `{ error: { message, type, param, code } }`. */
export function sendError(
  response: ServerResponse,
  statusCode: number,
  error: { readonly message: string; readonly type: string; readonly code: string | null },
  headers: Readonly<Record<string, string>> = {},
): void {
  sendJson(response, statusCode, { error: { ...error, param: null } }, headers);
}

/** `Retry-After` (whole seconds, rounded up) and the more precise `retry-after-ms`. */
export function retryAfterHeaders(retryAfterMs: number): Record<string, string> {
  return {
    "retry-after": String(Math.ceil(retryAfterMs / 1000)),
    "retry-after-ms": String(retryAfterMs),
  };
}
