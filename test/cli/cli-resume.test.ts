import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedCalls } from "./support/cached-calls.js";
import { createProject, lathe, repoRoot } from "./support/cli-project.js";

const ARGS = [
  "compile",
  "--signature",
  "ticket: string -> queue: enum(billing|technical|account), urgent: boolean",
  "--train",
  "data/train.jsonl",
  "--val",
  "data/dev.jsonl",
  "--metric",
  "sim:ticket-triage",
  "--optimizer",
  "random",
  "--opt",
  "numCandidates=8",
  "--lm",
  "sim/small",
  "--concurrency",
  "2",
  "--out",
  "out/triage.json",
];

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe compile --resume after a kill", { timeout: 120_000 }, () => {
  let project: string;

  beforeAll(async () => {
    project = await createProject("lathe-cli-resume-");
    const data = await lathe(project, [
      "sim",
      "data",
      "ticket-triage",
      "--out",
      "data",
      "--train",
      "12",
      "--dev",
      "12",
      "--test",
      "0",
    ]);
    expect(data.code, data.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("continues from the cache without repeating a completed call, then forgets the interrupted run", async () => {
    const cache = join(project, ".lathe", "cache");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...ARGS],
      {
        cwd: project,
        stdio: "ignore",
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let killedAt = 0;
    while (child.exitCode === null && killedAt === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (cachedCalls(cache) >= 40) {
        child.kill("SIGKILL");
        await exited;
        killedAt = cachedCalls(cache);
      }
    }
    expect(killedAt, "the compile finished before it could be killed").toBeGreaterThanOrEqual(40);
    expect(existsSync(join(project, "out", "triage.json"))).toBe(false);

    const resumed = await lathe(project, [...ARGS, "--resume", "--json"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming an interrupted compile started \d{4}-\d\d-\d\dT/);
    const result = resumed.json<{
      resumed: boolean;
      usage: { total: { calls: number; cacheHits: number } };
    }>();
    expect(result.resumed).toBe(true);
    // Every call completed before the kill was replayed; each new call added exactly one entry.
    expect(result.usage.total.cacheHits).toBeGreaterThanOrEqual(killedAt);
    expect(cachedCalls(cache)).toBe(killedAt + result.usage.total.calls);

    const again = await lathe(project, [...ARGS, "--json"]);
    expect(again.stderr).not.toContain("resuming");
    expect(again.json()).toMatchObject({ resumed: false, usage: { total: { calls: 0 } } });
  });
});
