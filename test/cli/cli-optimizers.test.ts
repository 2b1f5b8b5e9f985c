import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArtifact } from "@lathe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe } from "./support/cli-project.js";
import { networkReferences } from "./support/self-contained-html.js";

const PROGRAM = `import { Predict, signature } from "@lathe/core";
export const triage = new Predict(signature(
  "ticket: string -> queue: enum(billing|technical|account), urgent: boolean",
  "Route the support ticket and flag whether it is urgent.",
));
`;

// Every name `--optimizer` documents, and a pipeline; each must compile, not just parse.
const OPTIMIZERS = [
  "labeled",
  "bootstrap",
  "random",
  "mipro",
  "metaprompt",
  "opro",
  "gepa",
  "bootstrap,gepa",
];
// Small enough to keep each compile to a couple of seconds; the search optimizers stop at it cleanly.
const BUDGET_CALLS = 40;

interface CompileJson {
  artifact: string;
  report: { markdown: string; html: string };
  optimizer: string;
  usage: { total: { calls: number } };
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("every --optimizer compiles offline (child processes, tiny data, capped calls)", {
  timeout: 120_000,
}, () => {
  let project: string;

  beforeAll(async () => {
    project = await createProject("lathe-cli-optimizers-");
    await writeFile(join(project, "triage.ts"), PROGRAM);
    const data = await lathe(project, [
      "sim",
      "data",
      "ticket-triage",
      "--out",
      "data",
      "--train",
      "8",
      "--dev",
      "8",
      "--test",
      "1",
      "--seed",
      "3",
    ]);
    expect(data.code, data.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it.concurrent.each(OPTIMIZERS)("--optimizer %s", async (name) => {
    const out = `out/${name.replace(",", "-")}.json`;
    const run = await lathe(project, [
      "compile",
      "triage.ts#triage",
      "--train",
      "data/train.jsonl",
      "--val",
      "data/dev.jsonl",
      "--metric",
      "exact:queue,urgent",
      "--optimizer",
      name,
      "--lm",
      "sim/small",
      "--no-cache",
      "--budget-calls",
      String(BUDGET_CALLS),
      "--out",
      out,
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = run.json<CompileJson>();
    expect(result.optimizer).toBe(name);
    expect(result.usage.total.calls).toBeGreaterThan(0);
    expect(result.usage.total.calls).toBeLessThanOrEqual(BUDGET_CALLS);

    const artifact = parseArtifact(await readFile(join(project, out), "utf8"));
    expect(artifact.compile.optimizer).toBe(name);
    // Each stage ran and recorded its configuration under its own name.
    expect(Object.keys(artifact.compile.config)).toEqual(name.split(","));
    // Every compile leaves its run report beside the artifact.
    expect(await readFile(result.report.markdown, "utf8")).toContain("## Usage by role");
    expect(networkReferences(await readFile(result.report.html, "utf8"))).toEqual([]);
  });
});
