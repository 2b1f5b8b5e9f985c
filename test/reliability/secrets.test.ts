import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSimModel, type ModelServer, startModelServer } from "@lathe/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A port that was free a moment ago and now has no listener: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("secrets", () => {
  const secret = randomBytes(12).toString("hex");
  const apiKey = `sk-lathe-${secret}-SECRET`;
  const servers: ModelServer[] = [];
  let child: ChildProcess | undefined;
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "lathe-secrets-"));
  });
  afterAll(async () => {
    // A child cut short by a failed assertion or a timeout must not outlive the test.
    child?.kill("SIGKILL");
    await Promise.all(servers.map((server) => server.close()));
    await rm(out, { recursive: true, force: true });
  });

  it("never reach artifacts, reports, cache files, modules, logs or error messages", async () => {
    const serve = async (options: Partial<Parameters<typeof startModelServer>[0]>) => {
      const server = await startModelServer({ model: createSimModel("small"), ...options });
      servers.push(server);
      return server;
    };
    const good = await serve({ apiKey, seed: 2, errorRate: 0.15, resetRate: 0.03, invalidJsonRate: 0.03 });
    const wrongKey = await serve({ apiKey: "sk-some-other-key" });
    const slow = await serve({ apiKey, latencyMs: 2_000 });
    const closed = `http://127.0.0.1:${await closedPort()}/v1`;
    const compile = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(import.meta.dirname, "fixtures", "secret-compile.ts"),
        good.url,
        wrongKey.url,
        closed,
        slow.url,
        out,
      ],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LATHE_TEST_API_KEY: apiKey } },
    );
    child = compile;
    let stdout = "";
    let stderr = "";
    compile.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    compile.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => compile.on("exit", resolve));

    // It ran all the way: the compile's report, then each failure, then the uncaught error.
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/"usage":/);
    expect(stdout).toMatch(/wrong key .*HTTP 401/);
    expect(stdout).toMatch(/connection refused .*could not be reached/);
    expect(stdout).toMatch(/timeout .*timed out|timeout .*Timeout/i);
    expect(stderr).toMatch(/failures \d+, retries [1-9]/);
    expect(good.stats.byStatus[200]).toBeGreaterThan(0);
    expect(wrongKey.stats.byStatus[401]).toBeGreaterThan(0);

    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    const names = files.map((file) => file.slice(out.length + 1));
    expect(names).toEqual(
      expect.arrayContaining([
        "triage.artifact.json",
        "triage.artifact.report.md",
        "triage.artifact.report.html",
        "triage.compiled.ts",
      ]),
    );
    expect(names.filter((name) => name.startsWith("cache")).length).toBeGreaterThan(20);
    // The key, its base64 form (as in a Basic header), and either half of its random part.
    const forms = [apiKey, Buffer.from(apiKey).toString("base64"), secret.slice(0, 12), secret.slice(12)];
    const sources: Array<[string, string]> = [
      ["stdout", stdout],
      ["stderr", stderr],
      ...files.map((file): [string, string] => [file, readFileSync(file, "latin1")]),
    ];
    for (const [source, text] of sources) {
      for (const form of forms) expect(text.includes(form), `${form} found in ${source}`).toBe(false);
    }
  }, 60_000);
});
