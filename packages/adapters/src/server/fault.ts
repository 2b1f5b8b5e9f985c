/**
 * A fault the model server injects into one chat-completion request.
 * - `status`: answer with this HTTP status (429, 500...) and an OpenAI-style error body;
 *   `retryAfterMs` adds `Retry-After` (seconds) and `retry-after-ms` headers.
 * - `malformed`: a 200 whose message content is truncated and garbled.
 * - `reset`: send the headers and part of the body, then destroy the socket.
 * - `length`: truncate the text and report `finish_reason: "length"`.
 * - `empty-choices`: a 200 with `choices: []`.
 * - `invalid-json`: a 200 whose body is not JSON (cut in half, with a matching length).
 * - `delay`: wait `ms` more before answering normally.
 */
export type Fault =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: "malformed" }
  | { readonly kind: "reset" }
  | { readonly kind: "length" }
  | { readonly kind: "empty-choices" }
  | { readonly kind: "invalid-json" }
  | { readonly kind: "delay"; readonly ms: number };

export type FaultKind = Fault["kind"];
