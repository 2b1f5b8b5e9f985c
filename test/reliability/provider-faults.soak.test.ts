import { createSimModel, type ModelServer, startModelServer } from "@lathe/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultCompileRun, faultCompile, stableArtifact } from "./support/fault-compile.js";
import { httpModel, watchProcessErrors } from "./support/sim-http.js";

// A larger compile (about 1,000 calls) under transport faults at both ends of the 5–20% range.
const sizes = { train: 24, val: 100, numCandidates: 4 };

describe("a larger compile against a faulty server (soak)", () => {
  const servers: ModelServer[] = [];
  const watcher = watchProcessErrors();
  let clean: FaultCompileRun;

  beforeAll(async () => {
    const server = await startModelServer({ model: createSimModel("small") });
    servers.push(server);
    clean = await faultCompile(httpModel(server), sizes);
  }, 300_000);
  afterAll(async () => {
    watcher.stop();
    await Promise.all(servers.map((server) => server.close()));
  });

  it.each([0.05, 0.2])(
    "at a %s error rate, with 429 storms, resets, invalid bodies and timeouts: the identical artifact",
    async (errorRate) => {
      const server = await startModelServer({
        model: createSimModel("small"),
        seed: Math.round(errorRate * 100),
        latencyMs: 3,
        jitterMs: 3,
        errorRate,
        resetRate: 0.03,
        emptyChoicesRate: 0.02,
        invalidJsonRate: 0.02,
        maxConcurrency: 3,
        retryAfterMs: 5,
      });
      servers.push(server);
      const run = await faultCompile(httpModel(server, { timeoutMs: 750, maxRetries: 100 }), {
        ...sizes,
        onFinalPhase: () => {
          server.failNext({ kind: "status", status: 429, retryAfterMs: 20 }, 100);
          // Fewer hung answers than the server has slots: a hung answer holds its slot until the
          // client's timeout, and with every slot held the other calls spend their retries on 429s.
          server.failNext({ kind: "delay", ms: 10_000 }, 2);
        },
      });
      const total = run.report.usage.total;
      console.log(
        `[figures] soak faults ${errorRate}: ${JSON.stringify({ calls: total.calls, retries: total.retries, stats: server.stats })}`,
      );
      expect(run.artifact.contentHash).toBe(clean.artifact.contentHash);
      expect(stableArtifact(run.artifact)).toEqual(stableArtifact(clean.artifact));
      expect(total.failures).toBe(0);
      expect(server.stats.requests).toBe(total.calls + total.retries);
      expect(watcher.errors).toEqual([]);
    },
    300_000,
  );
});
