import { AxAIServiceNetworkError } from "@ax-llm/ax";
import { redactCredentials } from "./redact-credentials.js";

const MAX_DEPTH = 8;
const STACK_FRAME = /^\s+at /;

/**
 * A plain copy of an error chain that is safe to keep as a `cause`: the name, the first line of
 * the message and the stack frames, credentials removed. Nothing else is copied: an Ax service
 * error's full message, stack and fields carry the request and response bodies, where a server
 * may echo the key.
 */
export function redactAxError(error: unknown, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const name = redactCredentials(source.name);
  const message = redactCredentials(firstLine(source.message));
  const inner = source instanceof AxAIServiceNetworkError ? source.originalError : source.cause;
  const copy = new Error(
    message,
    depth < MAX_DEPTH && inner !== undefined ? { cause: redactAxError(inner, depth + 1) } : undefined,
  );
  copy.name = name;
  const frames = (source.stack ?? "").split("\n").filter((line) => STACK_FRAME.test(line));
  copy.stack = [`${name}: ${message}`, ...frames.map(redactCredentials)].join("\n");
  return copy;
}

/** The first line of an error message (Ax appends the URL and bodies on the next ones). */
export function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
