// Runs the quickstart itself, as a user would, in a fresh working directory: it must print a
// compiled score above the baseline and leave an artifact that a fresh program loads.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { loadArtifact, Predict } from "@lathe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Triage } from "../triage/program.js";

const run = promisify(execFile);
// tsx resolved from here, so the child can load TypeScript whatever its working directory.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const percentAfter = (label: string, text: string) =>
  Number(new RegExp(`${label}\\s+([\\d.]+)%`).exec(text)?.[1]);

describe("the quickstart", () => {
  let cwd: string;
  let stdout: string;

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), "lathe-quickstart-"));
    ({ stdout } = await run(process.execPath, ["--import", tsx, join(import.meta.dirname, "main.ts")], {
      cwd,
      timeout: 90_000,
    }));
  }, 100_000);
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it("prints a compiled score above the baseline on validation and on the held-out test split", () => {
    const [validation, heldOut] = stdout.split("Held-out test");
    expect(heldOut).toBeDefined();
    for (const section of [validation!, heldOut!]) {
      expect(percentAfter("compiled", section)).toBeGreaterThan(percentAfter("baseline", section) + 30);
    }
  });

  it("writes an artifact that loads into a fresh program and answers", async () => {
    const artifact = await loadArtifact(join(cwd, ".lathe", "quickstart", "triage.artifact.json"));
    expect(artifact.compile.optimizer).toMatch(/mipro/i);
    const loaded = new Predict(Triage).load(artifact);
    expect(loaded.instructions).toBe(Object.values(artifact.predictors)[0]!.instructions);
    expect(stdout).toMatch(
      /Loaded artifact answers \{"queue":"(billing|technical|account)","urgent":(true|false)\}/,
    );
  });
});
