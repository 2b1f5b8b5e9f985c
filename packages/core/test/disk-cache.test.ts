import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cacheKey,
  DiskCache,
  type GenerateRequest,
  type GenerateResult,
  MockLanguageModel,
  Predict,
  signature,
  UsageTracker,
  withSettings,
} from "../src/index.js";

const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };
const key = cacheKey({ provider: "mock", modelId: "mock-model" }, request);
const result: GenerateResult = {
  choices: [{ text: "hello", finishReason: "stop" }],
  usage: { promptTokens: 3, completionTokens: 2 },
};

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "lathe-disk-cache-"));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("node could not be started");
  return child.pid;
}

/** Every file under the cache directory, relative to it. */
async function files(): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

const entryPath = () => join(directory, key.slice(0, 2), `${key}.json`);

describe("DiskCache", () => {
  it("defaults to .lathe/cache", () => {
    expect(new DiskCache().directory).toBe(join(".lathe", "cache"));
  });

  it("persists across instances: a new instance on the same directory hits", async () => {
    await new DiskCache({ directory }).set(key, result);
    const fresh = new DiskCache({ directory });
    expect(await fresh.get(key)).toEqual(result);
    expect(fresh.corruptEntries).toBe(0);
    expect(await fresh.get("0".repeat(64))).toBeUndefined();
  });

  it("stores one JSON file per entry, sharded by key prefix, with its key and checksum", async () => {
    await new DiskCache({ directory }).set(key, result);
    expect(await files()).toEqual([join(key.slice(0, 2), `${key}.json`)]);
    const entry = JSON.parse(await readFile(entryPath(), "utf8"));
    expect(entry).toEqual({
      format: "lathe.cache/v1",
      key,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      result,
    });
  });

  it("writes atomically: no temporary files are left, even with concurrent writers", async () => {
    const caches = Array.from({ length: 4 }, () => new DiskCache({ directory }));
    await Promise.all(
      caches.flatMap((cache) => [cache.set(key, result), cache.set("ab".padEnd(64, "1"), result)]),
    );
    const names = await files();
    expect(names.filter((name) => name.includes(".tmp"))).toEqual([]);
    expect(names).toHaveLength(2);
    expect(await new DiskCache({ directory }).get(key)).toEqual(result);
  });

  it("removes the temporary files a killed writer left behind, and keeps those of live processes", async () => {
    const dead = await exitedPid();
    const shard = join(directory, "ab");
    await mkdir(shard, { recursive: true });
    const orphan = `ab/${"ab".padEnd(64, "2")}.json.${dead}.0123456789ab.tmp`;
    const live = `ab/${"ab".padEnd(64, "3")}.json.${process.pid}.0123456789ab.tmp`;
    await Promise.all([orphan, live].map((name) => writeFile(join(directory, name), '{"half":')));
    const cache = new DiskCache({ directory });
    expect(await cache.get(key)).toBeUndefined(); // reads leave the directory alone
    expect(await files()).toEqual([live, orphan].sort());
    await cache.set(key, result);
    expect(await files()).toEqual([live, `${key.slice(0, 2)}/${key}.json`].sort());
  });

  it("rejects keys that are not content hashes", async () => {
    await expect(new DiskCache({ directory }).set("../escape", result)).rejects.toThrow(
      'invalid cache key "../escape"',
    );
  });

  it.each([
    ["a truncated file", (text: string) => text.slice(0, text.length / 2)],
    ["an edited result", (text: string) => text.replace('"hello"', '"HELLO"')],
    [
      "an entry stored under another key",
      (text: string) => text.replace(`"key":"${key}"`, `"key":"${"f".repeat(64)}"`),
    ],
    ["a missing checksum", (text: string) => text.replace(/"checksum":"[0-9a-f]+",/, "")],
    ["another format version", (text: string) => text.replace("lathe.cache/v1", "lathe.cache/v0")],
    [
      "a result that is not a result",
      (text: string) => text.replace(/"result":.*}\n$/, '"result":"text"}\n'),
    ],
    ["an empty file", () => ""],
    ["JSON null", () => "null"],
  ])("ignores %s, counts it, and replaces it on the next set", async (_label, corrupt) => {
    await new DiskCache({ directory }).set(key, result);
    const original = await readFile(entryPath(), "utf8");
    await writeFile(entryPath(), corrupt(original));

    const cache = new DiskCache({ directory });
    expect(await cache.get(key)).toBeUndefined();
    expect(cache.corruptEntries).toBe(1);

    await cache.set(key, result);
    expect(await readFile(entryPath(), "utf8")).toBe(original);
    const fresh = new DiskCache({ directory });
    expect(await fresh.get(key)).toEqual(result);
    expect(fresh.corruptEntries).toBe(0);
  });

  it("sends concurrent identical requests once", async () => {
    const lm = new MockLanguageModel({ responses: "[[ ## answer ## ]]\nParis", latencyMs: 10 });
    const predict = new Predict(signature("question -> answer"));
    const usage = new UsageTracker();
    await withSettings({ lm, cache: new DiskCache({ directory }), usage }, () =>
      Promise.all(Array.from({ length: 6 }, () => predict.call({ question: "same" }))),
    );
    expect(lm.calls).toHaveLength(1);
    expect(usage.total).toMatchObject({ calls: 1, cacheHits: 5 });
    expect(await files()).toHaveLength(1);
  });

  it("serves a program's second run from disk with zero LM calls", async () => {
    const QA = signature("question -> answer");
    const lm = new MockLanguageModel({ responses: "[[ ## answer ## ]]\nParis" });
    const predict = new Predict(QA);
    await withSettings({ lm, cache: new DiskCache({ directory }) }, () => predict.call({ question: "q" }));
    expect(lm.calls).toHaveLength(1);

    const usage = new UsageTracker();
    const answer = await withSettings({ lm, cache: new DiskCache({ directory }), usage }, () =>
      predict.call({ question: "q" }),
    );
    expect(answer).toEqual({ answer: "Paris" });
    expect(lm.calls).toHaveLength(1);
    expect(usage.total).toMatchObject({ calls: 0, cacheHits: 1 });
  });
});
