import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const child = join(import.meta.dirname, "fixtures", "compile-child.ts");

function run(directory: string): ChildProcess {
  mkdirSync(directory, { recursive: true });
  return spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      child,
      join(directory, "cache"),
      join(directory, "calls.log"),
      join(directory, "artifact.json"),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}

function finished(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => process.on("exit", (code) => resolve(code)));
}

const lines = (path: string) =>
  existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
const cacheEntries = (directory: string) =>
  existsSync(directory)
    ? readdirSync(directory, { recursive: true }).filter((name) => String(name).endsWith(".json")).length
    : 0;
const stable = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/"createdAt": "[^"]*"/, "")
    .replace(/"durationMs": \d+/, "");

describe("a compile killed midway", () => {
  let root: string;
  let cleanArtifact: string;
  let cleanCalls: number;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "lathe-resume-"));
    const clean = join(root, "clean");
    expect(await finished(run(clean))).toBe(0);
    cleanArtifact = stable(join(clean, "artifact.json"));
    cleanCalls = lines(join(clean, "calls.log"));
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([0.2, 0.5, 0.8])(
    "killed with SIGKILL at %s of its calls, finishes with the identical artifact without repeating cached calls",
    async (fraction) => {
      const directory = join(root, `killed-${fraction}`);
      const log = join(directory, "calls.log");
      const first = run(directory);
      const target = Math.floor(cleanCalls * fraction);
      while (lines(log) < target) await new Promise((resolve) => setTimeout(resolve, 5));
      first.kill("SIGKILL");
      await finished(first);
      const callsBeforeKill = lines(log);
      const cachedAtKill = cacheEntries(join(directory, "cache"));
      expect(callsBeforeKill).toBeLessThan(cleanCalls);
      expect(cachedAtKill).toBeGreaterThan(0);
      expect(existsSync(join(directory, "artifact.json"))).toBe(false);

      expect(await finished(run(directory))).toBe(0);
      const resumedCalls = lines(log) - callsBeforeKill;
      // Every call whose result reached the cache is replayed for free; only the rest are made.
      expect(resumedCalls).toBe(cleanCalls - cachedAtKill);
      expect(stable(join(directory, "artifact.json"))).toBe(cleanArtifact);
      // Atomic writes: every cache entry on disk is whole (a kill can only orphan a temporary file).
      const entries = readdirSync(join(directory, "cache"), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
        .map((entry) => join(entry.parentPath, entry.name));
      for (const entry of entries) expect(() => JSON.parse(readFileSync(entry, "utf8"))).not.toThrow();
    },
    60_000,
  );
});
