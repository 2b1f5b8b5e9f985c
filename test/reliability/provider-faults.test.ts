import { createSimModel, type ModelServer, type ModelServerOptions, startModelServer } from "@lathe/adapters";
import {
  ChatAdapter,
  type EvaluationResult,
  evaluate,
  type LanguageModel,
  Predict,
  parseArtifact,
} from "@lathe/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FaultCompileRun, faultCompile, stableArtifact } from "./support/fault-compile.js";
import { httpModel, watchProcessErrors } from "./support/sim-http.js";
import { exactMatch, Triage, triageSplits } from "./support/triage.js";

// RandomSearch compiles of the triage task through the real `openai` client against the sim served
// over loopback HTTP, without a cache so that every call really reaches the server. The longer,
// larger runs at 5% and 20% errors are in provider-faults.soak.test.ts.
const sizes = { train: 16, val: 32, numCandidates: 2 };
const { valset } = triageSplits(sizes);
const compileOver = (lm: LanguageModel, onFinalPhase?: () => void): Promise<FaultCompileRun> =>
  faultCompile(lm, { ...sizes, ...(onFinalPhase ? { onFinalPhase } : {}) });

const servers: ModelServer[] = [];
async function serve(options: Omit<ModelServerOptions, "model">): Promise<ModelServer> {
  const server = await startModelServer({ model: createSimModel("small"), ...options });
  servers.push(server);
  return server;
}

describe("a compile against a faulty OpenAI-compatible server", () => {
  let clean: FaultCompileRun;
  let cleanRequests: number;
  const watcher = watchProcessErrors();

  beforeAll(async () => {
    const server = await serve({ seed: 1 });
    clean = await compileOver(httpModel(server));
    cleanRequests = server.stats.requests;
  });
  afterEach(() => expect(watcher.errors).toEqual([]));
  afterAll(async () => {
    watcher.stop();
    await Promise.all(servers.map((server) => server.close()));
  });

  it("the fault-free run makes one request per call and stays within the compile's concurrency", () => {
    const total = clean.report.usage.total;
    expect(total).toMatchObject({ retries: 0, failures: 0, truncated: 0 });
    expect(cleanRequests).toBe(total.calls);
    expect(clean.report.final.mean).toBeGreaterThan(clean.report.baseline.mean);
  });

  it("survives 5xx, 429 storms with Retry-After, resets, timeouts, invalid JSON bodies and empty choices with the identical artifact", async () => {
    const server = await serve({
      seed: 7,
      latencyMs: 2,
      jitterMs: 2,
      errorRate: 0.15,
      resetRate: 0.04,
      emptyChoicesRate: 0.03,
      invalidJsonRate: 0.03,
      // More requests in flight than the server admits: a steady stream of 429s with Retry-After.
      maxConcurrency: 4,
      retryAfterMs: 5,
    });
    const faulty = await compileOver(httpModel(server, { timeoutMs: 750 }), () => {
      // Mid-compile: a burst of 429s asking for a longer wait, then three answers too slow to wait for.
      server.failNext({ kind: "status", status: 429, retryAfterMs: 15 }, 24);
      server.failNext({ kind: "delay", ms: 10_000 }, 3);
    });

    expect(faulty.artifact.contentHash).toBe(clean.artifact.contentHash);
    expect(stableArtifact(faulty.artifact)).toEqual(stableArtifact(clean.artifact));
    const total = faulty.report.usage.total;
    expect(total.failures).toBe(0);
    expect(total.calls).toBe(clean.report.usage.total.calls);
    // Every failed attempt the server saw is one retry counted in the report, and nothing else.
    const stats = server.stats;
    expect(stats.requests).toBe(total.calls + total.retries);
    expect(stats.byStatus[429]).toBeGreaterThanOrEqual(24);
    expect(
      (stats.byStatus[500] ?? 0) + (stats.byStatus[502] ?? 0) + (stats.byStatus[503] ?? 0),
    ).toBeGreaterThan(0);
    // Resets and timeouts end without a full response.
    expect(stats.disconnected).toBeGreaterThanOrEqual(3);
    // 200s beyond the calls are the empty-choices and invalid-JSON answers.
    expect(stats.byStatus[200]).toBeGreaterThan(total.calls);
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
    recordFigures("transport faults", { calls: total.calls, retries: total.retries, stats });
  });

  it("counts calls that run out of retries as failures and still finishes", async () => {
    const server = await serve({ seed: 11, errorRate: 0.25 });
    const run = await compileOver(httpModel(server, { maxRetries: 1 }));
    const total = run.report.usage.total;
    expect(total.failures).toBeGreaterThan(0);
    // Each failed call made maxRetries + 1 attempts, each successful one 1 + its retries.
    expect(server.stats.requests).toBe(total.calls + total.failures + total.retries);
    expect(total.retries).toBeGreaterThanOrEqual(total.failures);
    expect(parseArtifact(JSON.parse(JSON.stringify(run.artifact))).contentHash).toBe(
      run.artifact.contentHash,
    );
    expect(run.artifact.compile.final.count).toBe(valset.length);
    recordFigures("retries exhausted", {
      calls: total.calls,
      failures: total.failures,
      retries: total.retries,
    });
  });

  it("does not retry content faults: length cut-offs are counted as truncated, garbled replies cost parse retries", async () => {
    const server = await serve({ seed: 3, lengthRate: 0.04, malformedRate: 0.04 });
    let lengthReplies = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.clone().json()) as { choices?: { finish_reason: string }[] };
      if (body.choices?.some((choice) => choice.finish_reason === "length")) lengthReplies++;
      return response;
    };
    const run = await compileOver(httpModel(server, { fetch: countingFetch }));
    const total = run.report.usage.total;
    expect(lengthReplies).toBeGreaterThan(0);
    expect(total.truncated).toBe(lengthReplies);
    expect(total).toMatchObject({ retries: 0, failures: 0 });
    // A garbled reply is answered by Predict's bounded parse retry: one more call each time.
    expect(total.calls).toBeGreaterThan(clean.report.usage.total.calls);
    expect(server.stats.requests).toBe(total.calls);
    expect(run.artifact.compile.final.count).toBe(valset.length);
    recordFigures("content faults", { calls: total.calls, truncated: total.truncated });
  });

  it("turns each length cut-off into a scored-0 OutputParseError that names the token limit", async () => {
    const server = await serve({ seed: 5 });
    server.failNext({ kind: "length" }, 5);
    const result: EvaluationResult = await evaluate(new Predict(Triage), valset, exactMatch, {
      concurrency: 8,
      settings: { lm: httpModel(server), adapter: new ChatAdapter() },
    });
    const failed = result.results.filter((entry) => entry.error !== undefined);
    expect(result.errors).toBe(5);
    expect(result.usage.total.truncated).toBe(5);
    expect(result.count).toBe(valset.length);
    for (const entry of failed) {
      expect(entry.score).toBe(0);
      expect(entry.error).toMatch(/^LatheOutputParseError: /);
      expect(entry.error).toContain("cut off by the token limit");
    }
  });
});

/** Figures for the README's reliability section, printed when FIGURES=1. */
function recordFigures(name: string, figures: object): void {
  if (process.env.FIGURES) console.log(`[figures] ${name}: ${JSON.stringify(figures)}`);
}
