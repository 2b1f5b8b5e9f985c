import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Artifact, parseArtifact } from "@lathe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe, typeCheck } from "./support/cli-project.js";

const PROGRAM = `import { Module, Predict, signature } from "@lathe/core";

export const Triage = signature(
  "ticket: string -> queue: enum(billing|technical|account), urgent: boolean",
  "Route each customer support ticket to the right queue (billing, technical or account) and flag whether it is urgent.",
);

export const triage = new Predict(Triage);

/** Two steps: the second reads the first one's output. */
export class SummarizeThenRoute extends Module<{ ticket: string }, { queue: string; urgent: boolean }> {
  readonly summarize = new Predict(signature("ticket: string -> summary: string", "Summarize the support ticket."));
  readonly route = new Predict(
    signature("summary: string -> queue: enum(billing|technical|account), urgent: boolean", "Route the ticket."),
  );

  async forward({ ticket }: { ticket: string }) {
    const { summary } = await this.summarize.call({ ticket });
    return this.route.call({ summary });
  }
}
`;

const SHORTHAND = "ticket: string -> queue: enum(billing|technical|account), urgent: boolean";
const DATA = ["--train", "data/train.jsonl", "--val", "data/dev.jsonl", "--metric", "sim:ticket-triage"];
const COMPILE = [
  "compile",
  "triage.ts#triage",
  ...DATA,
  "--optimizer",
  "bootstrap",
  "--lm",
  "sim/small",
  "--teacher",
  "sim/large",
  "--seed",
  "1",
  "--concurrency",
  "8",
  "--out",
  "out/triage.artifact.json",
  "--emit-ts",
  "src/triage.compiled.ts",
  "--json",
];

interface CompileJson {
  artifact: string;
  report: { markdown: string; html: string };
  program: string;
  model: string;
  baseline: { mean: number; count: number };
  final: { mean: number; count: number };
  usage: { total: { calls: number; cacheHits: number } };
  contentHash: string;
  notes: string[];
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe CLI end to end (child processes, offline against the sim)", { timeout: 120_000 }, () => {
  let project: string;
  let compiled: CompileJson;
  let artifact: Artifact;
  const readArtifact = async (path: string) => parseArtifact(await readFile(join(project, path), "utf8"));

  beforeAll(async () => {
    project = await createProject("lathe-cli-e2e-");
    await writeFile(join(project, "triage.ts"), PROGRAM);
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("sim data writes seeded train/dev/test JSONL", async () => {
    const run = await lathe(project, [
      "sim",
      "data",
      "ticket-triage",
      "--out",
      "data",
      "--train",
      "16",
      "--dev",
      "16",
      "--test",
      "12",
      "--seed",
      "1",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ task: "ticket-triage", signature: SHORTHAND });
    const lines = async (name: string) =>
      (await readFile(join(project, "data", name), "utf8")).trim().split("\n");
    expect(await lines("train.jsonl")).toHaveLength(16);
    expect(await lines("dev.jsonl")).toHaveLength(16);
    expect(await lines("test.jsonl")).toHaveLength(12);
    expect(JSON.parse((await lines("train.jsonl"))[0]!)).toHaveProperty("queue");
  });

  it("compile bootstraps the program file against the sim and writes the artifact, run reports and a typed module", async () => {
    const run = await lathe(project, COMPILE);
    expect(run.code, run.stderr).toBe(0);
    compiled = run.json<CompileJson>();
    expect(compiled.program).toBe("triage");
    expect(compiled.model).toBe("sim/small");
    expect(compiled.usage.total.calls).toBeGreaterThan(0);
    expect(compiled.final.count).toBe(16);
    expect(compiled.final.mean).toBeGreaterThan(compiled.baseline.mean);
    artifact = await readArtifact("out/triage.artifact.json");
    expect(artifact.contentHash).toBe(compiled.contentHash);
    expect(artifact.predictors.self!.demos.length).toBeGreaterThan(0);
    const html = await readFile(join(project, "out", "triage.artifact.report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(await readFile(join(project, "out", "triage.artifact.report.md"), "utf8")).toContain(
      "## Candidates",
    );
  });

  describe("after compiling", () => {
    const runs: Record<string, Promise<Awaited<ReturnType<typeof lathe>>>> = {};
    beforeAll(() => {
      const start = (name: string, args: string[]) => {
        runs[name] = lathe(project, args);
      };
      start("recompile", COMPILE);
      start("evalUncompiled", [
        "eval",
        "triage.ts#triage",
        "--data",
        "data/dev.jsonl",
        "--metric",
        "sim:ticket-triage",
        "--lm",
        "sim/small",
        "--json",
      ]);
      start("evalArtifact", [
        "eval",
        "triage.ts#triage",
        "--artifact",
        "out/triage.artifact.json",
        "--data",
        "data/dev.jsonl",
        "--metric",
        "sim:ticket-triage",
        "--json",
      ]);
      start("inspectArtifact", ["inspect", "out/triage.artifact.json"]);
      start("inspectArtifactJson", ["inspect", "out/triage.artifact.json", "--json"]);
      start("inspectPrompt", [
        "inspect",
        "triage.ts#triage",
        "--artifact",
        "out/triage.artifact.json",
        "--input",
        '{"ticket":"My invoice is wrong!"}',
      ]);
      start("inspectTwoStep", [
        "inspect",
        "triage.ts#SummarizeThenRoute",
        "--input",
        '{"ticket":"The app crashes."}',
        "--json",
      ]);
      start("signature", [
        "compile",
        "--signature",
        SHORTHAND,
        "--cot",
        ...DATA,
        "--optimizer",
        "labeled",
        "--opt",
        "k=3",
        "--lm",
        "sim/small",
        "--out",
        "out/signature.artifact.json",
        "--json",
      ]);
      start("labeled", [
        "compile",
        "triage.ts#triage",
        ...DATA,
        "--optimizer",
        "labeled",
        "--opt",
        "k=2",
        "--lm",
        "sim/small",
        "--out",
        "out/labeled.artifact.json",
        "--json",
      ]);
      start("budget", [
        "compile",
        "triage.ts#triage",
        ...DATA,
        "--optimizer",
        "random",
        "--lm",
        "sim/small",
        "--out",
        "out/budget.json",
        "--budget-calls",
        "20",
        "--no-cache",
        "--json",
      ]);
      start("budgetUsd", [
        "compile",
        "triage.ts#triage",
        ...DATA,
        "--optimizer",
        "random",
        "--lm",
        "sim/small",
        "--teacher",
        "sim/large",
        "--out",
        "out/budget-usd.json",
        "--budget-usd",
        "0.01",
        "--concurrency",
        "2",
        "--no-cache",
        "--json",
      ]);
      start("dryRun", [
        "compile",
        "triage.ts#triage",
        ...DATA,
        "--optimizer",
        "bootstrap,random",
        "--opt",
        "random.numCandidates=2",
        "--lm",
        "sim/small",
        "--out",
        "out/dry.json",
        "--cache-dir",
        "dry-cache",
        "--dry-run",
        "--json",
      ]);
    }, 120_000);

    it("a re-run replays every call from the cache (0 new calls) and writes the same artifact", async () => {
      const run = await runs.recompile!;
      expect(run.code, run.stderr).toBe(0);
      const again = run.json<CompileJson>();
      expect(again.usage.total.calls).toBe(0);
      expect(again.usage.total.cacheHits).toBe(compiled.usage.total.calls + compiled.usage.total.cacheHits);
      expect(again.contentHash).toBe(compiled.contentHash);
    });

    it("the emitted module type-checks and exports the frozen program", async () => {
      expect(await typeCheck(project, ["src/triage.compiled.ts"])).toBe("");
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          "--import",
          "tsx",
          "--input-type=module",
          "-e",
          'const m = await import("./src/triage.compiled.ts"); console.log(JSON.stringify({ hash: m.artifact.contentHash, demos: m.program.demos }));',
        ],
        { cwd: project },
      );
      const emitted = JSON.parse(stdout) as { hash: string; demos: unknown[] };
      expect(emitted.hash).toBe(artifact.contentHash);
      expect(emitted.demos).toEqual(artifact.predictors.self!.demos);
    });

    it("eval reproduces the artifact's baseline (uncompiled) and final (with --artifact) scores", async () => {
      const uncompiled = await runs.evalUncompiled!;
      const loaded = await runs.evalArtifact!;
      expect(uncompiled.code, uncompiled.stderr).toBe(0);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(uncompiled.json()).toMatchObject({ mean: artifact.compile.baseline.mean, count: 16, errors: 0 });
      expect(loaded.json()).toMatchObject({ mean: artifact.compile.final.mean, model: "sim/small" });
      expect(loaded.json<{ ci: { low: number; high: number } }>().ci.high).toBeGreaterThanOrEqual(
        artifact.compile.final.mean,
      );
    });

    it("inspect summarises an artifact", async () => {
      const run = await runs.inspectArtifact!;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("lathe.artifact/v1");
      expect(run.stdout).toContain("optimizer    bootstrap");
      expect(run.stdout).toContain("teacher      sim/large");
      expect(run.stdout).toMatch(
        /self {2}ticket: string -> queue: enum\(billing\|technical\|account\), urgent: boolean {2}\(\d+ demos\)/,
      );
    });

    it("inspect --json summarises an artifact as one JSON document", async () => {
      const run = await runs.inspectArtifactJson!;
      expect(run.code, run.stderr).toBe(0);
      expect(run.json()).toMatchObject({
        format: "lathe.artifact/v1",
        contentHash: artifact.contentHash,
        program: { name: "triage" },
        target: { provider: "sim", modelId: "small" },
        compile: {
          optimizer: "bootstrap",
          teacher: { provider: "sim", modelId: "large" },
          seed: 1,
          baseline: { mean: artifact.compile.baseline.mean },
          final: { mean: artifact.compile.final.mean },
        },
        predictors: [{ path: "self", signature: SHORTHAND, demos: artifact.predictors.self!.demos.length }],
      });
    });

    it("inspect prints the exact prompt for an input, demos included, without calling a model", async () => {
      const run = await runs.inspectPrompt!;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/=== self === \d+ messages, \d+ demos, adapter json/);
      expect(run.stdout).toContain("Route each customer support ticket");
      expect(run.stdout).toContain("My invoice is wrong!");
    });

    it("inspect shows every predictor reachable from the input and says what the others need", async () => {
      const run = await runs.inspectTwoStep!;
      expect(run.code, run.stderr).toBe(0);
      const views = run.json<{
        predictors: Array<{ path: string; request?: { messages: unknown[] }; missing?: string[] }>;
      }>().predictors;
      expect(views[0]).toMatchObject({ path: "summarize" });
      expect(views[0]!.request!.messages.length).toBeGreaterThan(1);
      expect(views[1]).toMatchObject({ path: "route", missing: ["summary"] });
    });

    it("--signature compiles a ChainOfThought without a program file; eval and retarget read the signature from the artifact", async () => {
      const run = await runs.signature!;
      expect(run.code, run.stderr).toBe(0);
      const signatureArtifact = await readArtifact("out/signature.artifact.json");
      expect(signatureArtifact.program.name).toBe(`ChainOfThought(${SHORTHAND})`);
      expect(signatureArtifact.predictors.predict!.demos).toHaveLength(3);
      const [evaluated, retargeted] = await Promise.all([
        lathe(project, [
          "eval",
          "--artifact",
          "out/signature.artifact.json",
          "--data",
          "data/test.jsonl",
          "--metric",
          "sim:ticket-triage",
          "--json",
        ]),
        lathe(project, [
          "retarget",
          "out/signature.artifact.json",
          "--lm",
          "sim/medium",
          "--train",
          "data/train.jsonl",
          "--val",
          "data/dev.jsonl",
          "--json",
        ]),
      ]);
      expect(evaluated.code, evaluated.stderr).toBe(0);
      expect(evaluated.json()).toMatchObject({ count: 12, errors: 0 });
      expect(retargeted.code, retargeted.stderr).toBe(0);
      expect(retargeted.json()).toMatchObject({ model: "sim/medium", optimizer: "labeled" });
      expect(existsSync(join(project, "out", "signature.artifact.sim-medium.json"))).toBe(true);
    });

    it("diff shows the optimizer change and the demos added and removed", async () => {
      const compiledLabeled = await runs.labeled!;
      expect(compiledLabeled.code, compiledLabeled.stderr).toBe(0);
      const [json, text] = await Promise.all([
        lathe(project, ["diff", "out/triage.artifact.json", "out/labeled.artifact.json", "--json"]),
        lathe(project, ["diff", "out/triage.artifact.json", "out/labeled.artifact.json"]),
      ]);
      expect(json.code, json.stderr).toBe(0);
      const result = json.json<{
        same: boolean;
        changes: Array<{ field: string; a: string; b: string }>;
        predictors: Array<{ demosAdded: unknown[]; demosRemoved: unknown[] }>;
      }>();
      expect(result.same).toBe(false);
      expect(result.changes).toContainEqual({ field: "optimizer", a: "bootstrap", b: "labeled" });
      expect(
        result.predictors[0]!.demosAdded.length + result.predictors[0]!.demosRemoved.length,
      ).toBeGreaterThan(0);
      expect(text.stdout).toContain("optimizer: bootstrap → labeled");
      expect(text.stdout).toMatch(/demos: \d+ added, \d+ removed/);
      const same = await lathe(project, [
        "diff",
        "out/triage.artifact.json",
        "out/triage.artifact.json",
        "--exit-code",
      ]);
      expect(same.code).toBe(0);
      expect(same.stdout).toContain("identical");
    });

    it("retarget re-compiles for sim/medium from the sim/small artifact and reports before and after", async () => {
      const run = await lathe(project, [
        "retarget",
        "out/triage.artifact.json",
        "--program",
        "triage.ts#triage",
        "--lm",
        "sim/medium",
        "--train",
        "data/train.jsonl",
        "--val",
        "data/dev.jsonl",
        "--out",
        "out/triage.medium.json",
        "--json",
      ]);
      expect(run.code, run.stderr).toBe(0);
      const result = run.json<
        CompileJson & {
          retargetedFrom: { model: string };
          oldArtifactOnNewModel: { mean: number };
          retargeted: { mean: number };
        }
      >();
      expect(result.retargetedFrom.model).toBe("sim/small");
      expect(result.model).toBe("sim/medium");
      expect(result.oldArtifactOnNewModel.mean).toBe(result.baseline.mean);
      expect(result.retargeted.mean).toBe(result.final.mean);
      const retargeted = await readArtifact("out/triage.medium.json");
      expect(retargeted.target.modelId).toBe("medium");
      expect(retargeted.compile.teacher).toEqual({ provider: "sim", modelId: "large" });
      expect(
        retargeted.compile.notes.some((note) => note.startsWith("retargeted from triage.artifact.json")),
      ).toBe(true);
    });

    it("--budget-calls stops the compile cleanly at the cap and says so", async () => {
      const run = await runs.budget!;
      expect(run.code, run.stderr).toBe(0);
      const result = run.json<CompileJson & { stoppedByBudget: boolean }>();
      expect(result.stoppedByBudget).toBe(true);
      expect(result.usage.total.calls).toBe(20);
      expect(result.notes.some((note) => note.includes("budget of 20 calls reached"))).toBe(true);
    });

    it("--budget-usd stops the compile once student and teacher together spent the cap", async () => {
      const run = await runs.budgetUsd!;
      expect(run.code, run.stderr).toBe(0);
      type Spend = { calls: number; costUsd: number };
      const result = run.json<
        CompileJson & {
          stoppedByBudget: boolean;
          usage: { total: Spend; byRole: { student: Spend; teacher: Spend } };
        }
      >();
      expect(result.stoppedByBudget).toBe(true);
      const { total, byRole } = result.usage;
      expect(total.costUsd).toBeCloseTo(byRole.student.costUsd + byRole.teacher.costUsd, 10);
      expect(byRole.teacher.calls).toBeGreaterThan(0);
      // Costs are known when calls return: the two calls in flight at the cap may pass it.
      expect(total.costUsd).toBeGreaterThanOrEqual(0.01);
      expect(total.costUsd).toBeLessThan(0.015);
      expect(result.notes.some((note) => note.includes("budget of $0.01 reached"))).toBe(true);
      const saved = await readArtifact("out/budget-usd.json");
      expect(saved.compile.usage.total.costUsd).toBe(total.costUsd);
    });

    it("--dry-run estimates the calls and calls no model", async () => {
      const run = await runs.dryRun!;
      expect(run.code, run.stderr).toBe(0);
      const result = run.json<{
        dryRun: boolean;
        estimate: { total: number; steps: Array<{ step: string }> };
      }>();
      expect(result.dryRun).toBe(true);
      expect(result.estimate.total).toBeGreaterThan(0);
      expect(result.estimate.steps.map((step) => step.step)).toContain("random: candidate evaluations");
      expect(existsSync(join(project, "dry-cache"))).toBe(false);
      expect(existsSync(join(project, "out", "dry.json"))).toBe(false);
    });
  });
});
