import { describe, expect, it, vi } from "vitest";
import type { ModelServer, ModelServerOptions } from "../../src/server/index.js";
import { gatedModel, mockModel, startTestServer } from "./harness.js";

const ANSWER = JSON.stringify({ answer: "forty-two", confidence: 0.9 });

function post(server: ModelServer, extra: object = {}): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "q" }], ...extra }),
  });
}

interface Completion {
  readonly choices: { message: { content: string }; finish_reason: string }[];
}

/** What a client observes for one request, as a short label. */
async function outcome(server: ModelServer): Promise<string> {
  try {
    const response = await post(server);
    if (response.status !== 200) return `status ${response.status}`;
    const body = (await response.json()) as Completion;
    const choice = body.choices[0];
    if (!choice) return "empty";
    if (choice.finish_reason === "length") return "length";
    return choice.message.content === ANSWER ? "ok" : `malformed ${choice.message.content}`;
  } catch {
    return "reset";
  }
}

async function outcomes(options: Omit<ModelServerOptions, "model">, count: number): Promise<string[]> {
  const server = await startTestServer({ model: mockModel(ANSWER), ...options });
  const seen: string[] = [];
  for (let index = 0; index < count; index++) seen.push(await outcome(server));
  await server.close();
  return seen;
}

describe("startModelServer: fault injection", () => {
  const rates = {
    errorRate: 0.2,
    malformedRate: 0.1,
    resetRate: 0.1,
    lengthRate: 0.1,
    emptyChoicesRate: 0.1,
  };

  it("draws the same fault sequence from the same seed, another from another seed", async () => {
    const first = await outcomes({ seed: 7, ...rates }, 40);
    const again = await outcomes({ seed: 7, ...rates }, 40);
    const other = await outcomes({ seed: 8, ...rates }, 40);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const kinds = new Set(first.map((label) => label.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["empty", "length", "malformed", "ok", "reset", "status"]);
    const statuses = new Set(first.filter((label) => label.startsWith("status")));
    for (const status of statuses) expect(["status 500", "status 502", "status 503"]).toContain(status);
  });

  it("garbles malformed answers and halves length-truncated ones", async () => {
    const server = await startTestServer({ model: mockModel(ANSWER) });
    server.failNext({ kind: "malformed" });
    server.failNext({ kind: "length" });
    const malformed = ((await (await post(server)).json()) as Completion).choices[0];
    expect(malformed?.finish_reason).toBe("stop");
    expect(malformed?.message.content).not.toBe(ANSWER);
    expect(() => JSON.parse(malformed?.message.content ?? "")).toThrow();
    const truncated = ((await (await post(server)).json()) as Completion).choices[0];
    expect(truncated).toMatchObject({
      finish_reason: "length",
      message: { content: ANSWER.slice(0, ANSWER.length / 2) },
    });
  });

  it("plays scripted faults in order before answering normally", async () => {
    const server = await startTestServer({ model: mockModel(ANSWER), faults: [{ kind: "empty-choices" }] });
    server.failNext({ kind: "status", status: 503, retryAfterMs: 2500 }, 2);
    expect(await outcome(server)).toBe("empty");
    const limited = await post(server);
    expect(limited.status).toBe(503);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.headers.get("retry-after-ms")).toBe("2500");
    expect(await outcome(server)).toBe("status 503");
    expect(await outcome(server)).toBe("ok");
    expect(server.stats).toMatchObject({ requests: 4, completed: 4, byStatus: { 200: 2, 503: 2 } });
  });

  it("destroys the socket mid-response on a reset fault", async () => {
    const server = await startTestServer({ model: mockModel(ANSWER) });
    server.failNext({ kind: "reset" });
    const response = await post(server);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await vi.waitFor(() => expect(server.stats.disconnected).toBe(1));
    server.failNext({ kind: "reset" });
    const stream = await post(server, { stream: true });
    await expect(stream.text()).rejects.toThrow();
  });

  it("adds seeded latency with jitter inside the configured range", async () => {
    const server = await startTestServer({ model: mockModel(ANSWER), latencyMs: 40, jitterMs: 20, seed: 3 });
    const started = performance.now();
    expect(await outcome(server)).toBe("ok");
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
  });

  it("rejects fault rates that add up to more than 1", async () => {
    await expect(startTestServer({ model: mockModel(), errorRate: 0.6, resetRate: 0.6 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("startModelServer: concurrency", () => {
  it("records the peak of concurrent in-flight requests", async () => {
    const { model, open } = gatedModel(ANSWER);
    const server = await startTestServer({ model });
    const pending = Array.from({ length: 5 }, () => post(server));
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(5));
    open();
    const responses = await Promise.all(pending);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(responses.map((response) => response.text()));
    expect(server.stats).toMatchObject({ peakInFlight: 5, inFlight: 0, completed: 5 });
  });

  it("answers 429 with Retry-After headers beyond maxConcurrency", async () => {
    const { model, open } = gatedModel(ANSWER);
    const server = await startTestServer({ model, maxConcurrency: 2, retryAfterMs: 1500 });
    const admitted = [post(server), post(server)];
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(2));
    const limited = await Promise.all([post(server), post(server)]);
    expect(limited.map((response) => response.status)).toEqual([429, 429]);
    expect(limited[0]?.headers.get("retry-after")).toBe("2");
    expect(limited[0]?.headers.get("retry-after-ms")).toBe("1500");
    expect(await limited[0]?.json()).toMatchObject({
      error: { type: "rate_limit_error", code: "rate_limit_exceeded" },
    });
    open();
    expect((await Promise.all(admitted)).map((response) => response.status)).toEqual([200, 200]);
    expect(server.stats.peakInFlight).toBe(2);
  });

  it("closes promptly with a request still in flight and keep-alive sockets open", async () => {
    const server = await startTestServer({ model: mockModel(ANSWER), latencyMs: 10 });
    expect(await outcome(server)).toBe("ok");
    server.failNext({ kind: "delay", ms: 60_000 });
    const pending = post(server);
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1));
    await server.close();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(server.stats).toMatchObject({ inFlight: 0, disconnected: 1 }));
  });
});
