/** Chat-completion HTTP calls seen by an instrumented fetch. */
export interface FetchLog {
  calls: number;
  /** Characters of message content sent. */
  promptChars: number;
  /** Milliseconds from request to response body read, per call. */
  readonly durations: number[];
  inFlight: number;
  peakInFlight: number;
}

/**
 * A `fetch` that counts chat-completion requests and times them, for both frameworks alike (the
 * openai SDK under Lathe and Ax's own HTTP client both accept a custom fetch).
 */
export function instrumentedFetch(): { fetch: typeof fetch; log: FetchLog } {
  const log: FetchLog = { calls: 0, promptChars: 0, durations: [], inFlight: 0, peakInFlight: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes("/chat/completions")) return fetch(input, init);
    log.calls++;
    log.promptChars += promptChars(init?.body);
    log.inFlight++;
    log.peakInFlight = Math.max(log.peakInFlight, log.inFlight);
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      log.durations.push(performance.now() - started);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      log.inFlight--;
    }
  };
  return { fetch: wrapped, log };
}

function promptChars(body: unknown): number {
  if (typeof body !== "string") return 0;
  try {
    const parsed = JSON.parse(body) as { messages?: { content?: unknown }[] };
    return (parsed.messages ?? []).reduce(
      (sum, message) => sum + (typeof message.content === "string" ? message.content.length : 0),
      0,
    );
  } catch {
    return 0; // not a JSON body: nothing to count
  }
}
