import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe, repoRoot } from "./support/cli-project.js";

const SHORTHAND = "ticket: string -> queue: enum(billing|technical|account), urgent: boolean";

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe sim serve", { timeout: 120_000 }, () => {
  let project: string;
  let server: ChildProcess;
  let url: string;
  let stderr = "";

  beforeAll(async () => {
    project = await createProject("lathe-cli-serve-");
    const data = await lathe(project, [
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
    ]);
    expect(data.code, data.stderr).toBe(0);
    server = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), "sim", "serve", "--json"],
      {
        cwd: project,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      server.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.trimEnd().endsWith("}")) resolve((JSON.parse(stdout) as { url: string }).url);
      });
      server.on("exit", (code) => reject(new Error(`sim serve exited with ${code}: ${stderr}`)));
    });
  }, 120_000);
  afterAll(async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await rm(project, { recursive: true, force: true });
  });

  it("serves the sim over OpenAI-compatible HTTP that the real openai client can use, and stops on SIGTERM", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const run = await lathe(project, [
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
      url,
      "--no-cache",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ count: 6, errors: 0, usage: { calls: 6, cacheHits: 0 } });

    const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("stopped after 6 requests (6 completed)");
  });
});
