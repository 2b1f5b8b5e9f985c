import type { Semaphore } from "@lathe/core";
import type OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { type AttemptFailure, classifyFailure } from "./classify-failure.js";
import { raceAbort } from "./sleep.js";

export type AttemptOutcome =
  | { readonly ok: true; readonly completion: ChatCompletion }
  | { readonly ok: false; readonly failure: AttemptFailure };

export interface AttemptOptions {
  readonly signal: AbortSignal | undefined;
  /** Covers the whole call: connect, headers and body. */
  readonly timeoutMs: number;
  /** Held for the HTTP call only, never during a backoff wait. */
  readonly semaphore: Semaphore | undefined;
}

/**
 * One chat-completion call. Failures are returned, not thrown, except an abort of `signal`,
 * which rejects with `signal.reason` (also while waiting for a concurrency slot).
 */
export function attemptChatCompletion(
  client: OpenAI,
  params: ChatCompletionCreateParamsNonStreaming,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  const { signal, timeoutMs, semaphore } = options;
  const call = async (): Promise<AttemptOutcome> => {
    signal?.throwIfAborted();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      return checkChoices(await client.chat.completions.create(params, { signal: combined }));
    } catch (error) {
      signal?.throwIfAborted();
      if (timeout.signal.aborted) return { ok: false, failure: { kind: "timeout", retryable: true, error } };
      return { ok: false, failure: classifyFailure(error) };
    } finally {
      clearTimeout(timer);
    }
  };
  return raceAbort(semaphore ? semaphore.run(call) : call(), signal);
}

/** A 200 without choices is a provider hiccup, worth a retry like a 5xx. */
function checkChoices(completion: ChatCompletion): AttemptOutcome {
  if (Array.isArray(completion.choices) && completion.choices.length > 0) return { ok: true, completion };
  const error = new Error("the response has no choices");
  return { ok: false, failure: { kind: "invalid", retryable: true, error } };
}
