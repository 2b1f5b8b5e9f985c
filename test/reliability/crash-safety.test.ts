import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type Artifact,
  artifactContentHash,
  canonicalJson,
  createRng,
  DiskCache,
  type GenerateResult,
  loadArtifact,
  sha256,
} from "@lathe/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALL_LOG_LINE, crashCompile, loggedSim } from "./support/crash-task.js";
import { runs, soak } from "./support/soak.js";

const KILLS = soak.kills;
const fixtures = join(import.meta.dirname, "fixtures");

// Every child is killed after the tests, even when an assertion or a timeout cut a test short.
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

function spawnFixture(name: string, args: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", join(fixtures, name), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

const loggedKeys = (log: string): string[] =>
  existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
const loggedCount = (log: string): number => (existsSync(log) ? statSync(log).size / CALL_LOG_LINE : 0);

/** Cache files on disk: whole entries by key, and the temporary files a kill left behind. */
function cacheFiles(directory: string): { keys: string[]; temporary: number } {
  if (!existsSync(directory)) return { keys: [], temporary: 0 };
  const names = readdirSync(directory, { recursive: true }).map(String);
  return {
    keys: names.filter((name) => name.endsWith(".json")).map((name) => name.slice(-69, -5)),
    temporary: names.filter((name) => name.endsWith(".tmp")).length,
  };
}

/** Every entry verifies (key, format, checksum): none was left half-written. */
async function expectEveryEntryWhole(directory: string, keys: readonly string[]): Promise<void> {
  const cache = new DiskCache({ directory });
  for (const key of keys) expect(await cache.get(key), key).toBeDefined();
  expect(cache.corruptEntries).toBe(0);
}

const stable = (artifact: Artifact) => ({
  ...artifact,
  createdAt: "",
  compile: { ...artifact.compile, durationMs: 0 },
});

describe("crash safety: a compile SIGKILLed again and again", () => {
  let root: string;
  let cleanArtifact: Artifact;
  let cleanKeys: string[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "lathe-crash-"));
    const log = join(root, "clean.log");
    ({ artifact: cleanArtifact } = await crashCompile(
      loggedSim(log),
      new DiskCache({ directory: join(root, "clean-cache") }),
    ));
    cleanKeys = loggedKeys(log);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("the clean run calls each request once", () => {
    expect(new Set(cleanKeys).size).toBe(cleanKeys.length);
    expect(cleanKeys.length).toBeGreaterThan(100);
  });

  it(`resumes from the disk cache after ${KILLS} kills at ${KILLS} distinct points: never repeating a cached call, never leaving a half-written file, ending with the identical artifact`, async () => {
    const directory = join(root, "killed");
    const cacheDirectory = join(directory, "cache");
    const log = join(directory, "calls.log");
    const artifactPath = join(directory, "artifact.json");
    await mkdir(directory, { recursive: true });
    // Kill points are counts of cached calls: each run is killed after a seeded random number of
    // its own cache writes, at most an even share of what is left of the compile's first 85%, so
    // the kills stop the compile at KILLS different points spread over it. (A kill lands some
    // writes past its goal: the writes already renamed into place when the goal was reached.)
    const rng = createRng("kill-points");

    const args = [cacheDirectory, log, artifactPath];
    const killedAt: number[] = [];
    let lost = 0;
    let orphans = 0;
    let cachedAtLastKill = new Set<string>();
    for (let kill = 0; kill < KILLS; kill++) {
      const callsBefore = loggedCount(log);
      const room = Math.floor((cleanKeys.length * 0.85 - cachedAtLastKill.size) / (KILLS - kill));
      const writes = rng.int(1, Math.max(1, room));
      const goal = cachedAtLastKill.size + writes;
      const child = spawnFixture("crash-compile.ts", [...args, String(writes)]);
      let stderr = "";
      child.stderr?.on("data", (chunk) => {
        stderr += String(chunk);
      });
      await exited(child);
      expect(child.signalCode, `the child ended before its kill at ${goal} cached calls: ${stderr}`).toBe(
        "SIGKILL",
      );
      expect(existsSync(artifactPath)).toBe(false);

      const called = loggedKeys(log);
      const thisRun = called.slice(callsBefore);
      // A restart re-makes only calls whose results never reached the cache.
      expect(thisRun.filter((key) => cachedAtLastKill.has(key))).toEqual([]);
      const { keys, temporary } = cacheFiles(cacheDirectory);
      await expectEveryEntryWhole(cacheDirectory, keys);
      // Only completed calls are cached, and each completed call is cached at most once.
      const completed = new Set(called);
      expect(keys.every((key) => completed.has(key))).toBe(true);
      // This run got further than the last one before it was killed.
      expect(keys.length).toBeGreaterThanOrEqual(goal);
      expect(keys.length).toBeLessThan(cleanKeys.length);
      killedAt.push(keys.length);
      lost += thisRun.length - thisRun.filter((key) => keys.includes(key)).length;
      orphans = temporary;
      cachedAtLastKill = new Set(keys);
    }
    // Distinct, rising kill points: the chain stopped the compile at KILLS different places.
    expect(new Set(killedAt).size).toBe(KILLS);
    expect(killedAt).toEqual([...killedAt].sort((a, b) => a - b));

    const final = spawnFixture("crash-compile.ts", args);
    let stderr = "";
    final.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    try {
      expect(await exited(final), stderr).toBe(0);
    } finally {
      final.kill("SIGKILL");
    }
    const called = loggedKeys(log);
    const resumed = await loadArtifact(artifactPath);
    expect(resumed.contentHash).toBe(cleanArtifact.contentHash);
    expect(stable(resumed)).toEqual(stable(JSON.parse(JSON.stringify(cleanArtifact))));
    // Every distinct call of the clean run was made, and only calls lost to a kill were made twice.
    expect(new Set(called)).toEqual(new Set(cleanKeys));
    expect(called.length - cleanKeys.length).toBe(lost);
    const { keys, temporary } = cacheFiles(cacheDirectory);
    await expectEveryEntryWhole(cacheDirectory, keys);
    expect(new Set(keys)).toEqual(new Set(cleanKeys));
    // The kills left temporary files; the resumed runs removed them.
    expect(orphans).toBeGreaterThan(0);
    expect(temporary).toBe(0);
    if (process.env.FIGURES) {
      console.log(
        `[figures] kills: ${JSON.stringify({ kills: KILLS, calls: cleanKeys.length, made: called.length, lostToKills: lost, temporaryFilesAtLastKill: orphans, cachedAtKills: killedAt })}`,
      );
    }
  }, 900_000);
});

describe("crash safety: artifact writes", () => {
  it("a SIGKILL while an artifact is being saved leaves the old or the new artifact, whole", async () => {
    const root = await mkdtemp(join(tmpdir(), "lathe-save-kill-"));
    try {
      const { artifact } = await crashCompile(
        loggedSim(join(root, "log")),
        new DiskCache({ directory: join(root, "cache") }),
      );
      // Two versions, the second with many large demos, so that a write takes a while.
      const big = structuredClone(artifact) as Artifact;
      const demos = Array.from({ length: 400 }, (_, index) => ({
        ticket: `ticket ${index} ${"x".repeat(2_000)}`,
        queue: "billing",
        urgent: false,
      }));
      big.predictors.self!.demos = demos;
      const sealed: Artifact = { ...big, contentHash: artifactContentHash(big) };
      const versions = [artifact, sealed];
      const sources = versions.map((version, index) => {
        const source = join(root, `source-${index}.json`);
        writeFileSync(source, JSON.stringify(version));
        return source;
      });
      const target = join(root, "program.artifact.json");
      const rng = createRng("save-kill");
      for (let kill = 0; kill < 6; kill++) {
        const child = spawnFixture("save-loop.ts", [target, ...sources]);
        try {
          await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
          await sleep(rng.int(0, 40));
        } finally {
          child.kill("SIGKILL");
        }
        await exited(child);
        const loaded = await loadArtifact(target);
        expect(versions.map((version) => version.contentHash)).toContain(loaded.contentHash);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("crash safety: corrupted cache entries", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "lathe-corrupt-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("truncated, bit-flipped, misplaced, emptied, re-versioned and __proto__-injected entries are ignored and recomputed", async () => {
    const directory = join(root, "cache");
    const first = await crashCompile(loggedSim(join(root, "first.log")), new DiskCache({ directory }));
    const keys = cacheFiles(directory).keys.sort();
    const pathOf = (key: string) => join(directory, key.slice(0, 2), `${key}.json`);
    const text = (key: string) => readFileSync(pathOf(key), "utf8");
    const damaged = keys.slice(0, 6);
    const [truncated, flipped, misplaced, emptied, versioned, injected] = damaged as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    writeFileSync(pathOf(truncated), text(truncated).slice(0, 100));
    const original = readFileSync(pathOf(flipped));
    const at = original.indexOf('"text":"') + 12;
    original[at] = original[at]! ^ 0x20; // one bit of the completion text: still valid JSON
    writeFileSync(pathOf(flipped), original);
    writeFileSync(pathOf(misplaced), text(keys[10]!));
    writeFileSync(pathOf(emptied), "");
    writeFileSync(pathOf(versioned), text(versioned).replace('"lathe.cache/v1"', '"lathe.cache/v0"'));
    // A member the checksum once skipped: canonical JSON used to drop `__proto__` keys.
    writeFileSync(
      pathOf(injected),
      text(injected).replace('"result":{', '"result":{"__proto__":{"choices":[]},'),
    );
    expect(JSON.parse(text(flipped))).toBeTruthy();

    const log = join(root, "second.log");
    const cache = new DiskCache({ directory });
    const second = await crashCompile(loggedSim(log), cache);
    // Exactly the damaged entries were re-made, each once; none was trusted.
    expect(loggedKeys(log).sort()).toEqual([...damaged].sort());
    expect(cache.corruptEntries).toBe(damaged.length);
    expect(second.artifact.contentHash).toBe(first.artifact.contentHash);
    await expectEveryEntryWhole(directory, keys);
  });

  it("any byte-level damage to an entry yields a miss or the original result, never another result", async () => {
    const directory = join(root, "property");
    const key = sha256("entry");
    const result: GenerateResult = {
      choices: [
        {
          text: "[[ ## queue ## ]]\nbilling\n\n[[ ## urgent ## ]]\nfalse\n\n[[ ## completed ## ]]",
          finishReason: "stop",
        },
      ],
      usage: { promptTokens: 321, completionTokens: 17 },
    };
    await new DiskCache({ directory }).set(key, result);
    const path = join(directory, key.slice(0, 2), `${key}.json`);
    const pristine = readFileSync(path);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({
        kind: fc.constant("delete" as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
      }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    );
    let misses = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let bytes: Buffer = Buffer.from(pristine);
        for (const change of edits) bytes = applyEdit(bytes, change);
        writeFileSync(path, bytes);
        const cache = new DiskCache({ directory });
        const read = await cache.get(key);
        if (read === undefined) {
          misses++;
          expect(cache.corruptEntries).toBe(1);
        } else {
          expect(canonicalJson(read)).toBe(canonicalJson(result));
        }
      }),
      { numRuns: runs(1_000) },
    );
    expect(misses).toBeGreaterThan(runs(900));
  });
});

type Edit =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "truncate"; at: number };

function applyEdit(bytes: Buffer, edit: Edit): Buffer {
  const at = edit.at % Math.max(1, bytes.length);
  switch (edit.kind) {
    case "flip": {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[at] = copy[at]! ^ (1 << edit.bit);
      return copy;
    }
    case "delete":
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
    case "insert":
      return Buffer.concat([bytes.subarray(0, at), edit.bytes, bytes.subarray(at)]);
    case "truncate":
      return bytes.subarray(0, at);
  }
}
