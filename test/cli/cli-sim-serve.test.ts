import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe } from "./support/cli-project.js";
import { type SimServeProcess, serveSim } from "./support/sim-serve-process.js";

const SHORTHAND = "ticket: string -> queue: enum(billing|technical|account), urgent: boolean";

interface EvalJson {
  count: number;
  errors: number;
  usage: { calls: number; cacheHits: number; retries: number };
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe sim serve", { timeout: 120_000 }, () => {
  let project: string;
  let plain: SimServeProcess;
  let faulty: SimServeProcess;
  const evalThrough = (server: SimServeProcess, ...flags: string[]) =>
    lathe(project, [
      "eval",
      "--signature",
      SHORTHAND,
      "--data",
      "data/dev.jsonl",
      "--metric",
      "sim:ticket-triage",
      "--lm",
      "openai-compatible/small",
      "--base-url",
      server.url,
      "--no-cache",
      "--json",
      ...flags,
    ]);

  beforeAll(async () => {
    project = await createProject("lathe-cli-serve-");
    const [data, started, startedFaulty] = await Promise.all([
      lathe(project, [
        "sim",
        "data",
        "ticket-triage",
        "--out",
        "data",
        "--train",
        "4",
        "--dev",
        "6",
        "--test",
        "0",
      ]),
      serveSim(project, []),
      // Every second-ish answer is a 200 that is not JSON; one request at a time, the rest get a 429.
      serveSim(project, ["--invalid-json-rate", "0.4", "--max-concurrency", "1", "--seed", "3"]),
    ]);
    expect(data.code, data.stderr).toBe(0);
    plain = started;
    faulty = startedFaulty;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([plain?.stop(), faulty?.stop()]);
    await rm(project, { recursive: true, force: true });
  });

  it("serves the sim over OpenAI-compatible HTTP that the real openai client can use, and stops on SIGTERM", async () => {
    expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const run = await evalThrough(plain);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ count: 6, errors: 0, usage: { calls: 6, cacheHits: 0, retries: 0 } });

    const stopped = await plain.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain("stopped after 6 requests (6 completed; by status: 200 × 6)");
  });

  it("--invalid-json-rate sends 200s that are not JSON, which the client retries; --concurrency 1 keeps under --max-concurrency 1", async () => {
    const run = await evalThrough(faulty, "--concurrency", "1");
    expect(run.code, run.stderr).toBe(0);
    const { count, errors, usage } = run.json<EvalJson>();
    expect({ count, errors, calls: usage.calls }).toEqual({ count: 6, errors: 0, calls: 6 });
    expect(usage.retries).toBeGreaterThan(0);

    // One request per call and per retry, all of them 200s: no 429, so never two in flight.
    const stopped = await faulty.stop();
    expect(stopped.code).toBe(0);
    const requests = 6 + usage.retries;
    expect(stopped.stderr).toContain(
      `stopped after ${requests} requests (${requests} completed; by status: 200 × ${requests})`,
    );
  });
});
