import { basename, resolve } from "node:path";
import { type Artifact, loadArtifact } from "@lathe/core";
import { Command } from "commander";
import { runCompile } from "../compile/compile-run.js";
import { compileJson, printCompileSummary } from "../compile/compile-summary.js";
import { MetricError, UsageError } from "../errors/cli-errors.js";
import { formatDelta, formatScore, modelString, rows } from "../io/format.js";
import type { Output } from "../io/output.js";
import { type ResolvedMetric, resolveMetric } from "../metrics/resolve-metric.js";
import { buildOptimizers, planOptimizers } from "../options/build-optimizers.js";
import { loadDataset } from "../options/load-datasets.js";
import { resolveModelFlag } from "../options/model-option.js";
import type { CommandContext } from "./command-context.js";
import { addProgramFlags, cacheDirectory, resolveProgram, wholeNumber } from "./common-options.js";
import { addCompileFlags, automaticOptions, budgetOf, type CompileFlags } from "./compile.js";

interface RetargetFlags extends Omit<CompileFlags, "metric" | "optimizer" | "seed"> {
  readonly program?: string;
  readonly metric?: string;
  readonly optimizer?: string;
  readonly seed?: number;
}

/** Options that point at the old compile's files or mode rather than describe the search. */
const NOT_INHERITED = new Set(["programSource", "programCode", "dryRun"]);

export function retargetCommand(context: CommandContext): Command {
  const command = new Command("retarget")
    .summary("re-compile an artifact for a new model, warm-started from it, and compare before/after")
    .argument("<artifact>", "the compiled artifact (.json)")
    .requiredOption("--lm <model>", "the new model, e.g. sim/medium or openai/gpt-4.1-mini")
    .requiredOption("--train <jsonl>", "training examples, one JSON object per line")
    .option(
      "--program <program>",
      "the program <file.ts>#<export> (not needed for artifacts compiled with --signature)",
    )
    .option("--metric <metric>", "the metric (default: the one the artifact was compiled with)")
    .option("--optimizer <name>", "optimizer or pipeline (default: the artifact's, with its options)")
    .option(
      "--out <artifact.json>",
      "where to write the new artifact (default: next to the old one, named after the model)",
    )
    .option("--seed <n>", "seed (default: the artifact's)", wholeNumber(0));
  addProgramFlags(command);
  addCompileFlags(command);
  return command.action((artifactPath: string, flags: RetargetFlags) =>
    context.run(flags.json === true, (output) => retarget(artifactPath, flags, output, context.cwd)),
  );
}

async function retarget(
  artifactPath: string,
  flags: RetargetFlags,
  output: Output,
  cwd: string,
): Promise<void> {
  const artifact = await loadArtifact(resolve(cwd, artifactPath));
  const loaded = await resolveProgram(flags.program, flags, cwd, artifact);
  const warm = { ...loaded, program: loaded.program.load(artifact) };
  const metric = await artifactMetric(flags.metric, artifact, cwd);
  const trainset = await loadDataset(flags.train, cwd, warm.program, metric.fields);
  const valset =
    flags.val === undefined ? undefined : await loadDataset(flags.val, cwd, warm.program, metric.fields);
  const inherited = Object.fromEntries(
    Object.entries(artifact.compile.config).map(([name, config]) => [
      name,
      Object.fromEntries(
        Object.entries(isRecord(config) ? config : {}).filter(([key]) => !NOT_INHERITED.has(key)),
      ),
    ]),
  );
  const optimizers = buildOptimizers(
    planOptimizers(flags.optimizer ?? artifact.compile.optimizer, flags.opt, {
      defaults: inherited,
      automatic: automaticOptions(loaded, flags.opt),
    }),
  );
  const teacherText =
    flags.teacher ?? (artifact.compile.teacher ? modelString(artifact.compile.teacher) : undefined);
  const out = resolve(cwd, flags.out ?? defaultOut(artifactPath, flags.lm));
  if (out === resolve(cwd, artifactPath))
    throw new UsageError("--out must differ from the artifact being retargeted");
  const oldModel = modelString(artifact.target);
  const result = await runCompile(
    {
      loaded: warm,
      trainset,
      valset,
      metric,
      optimizers,
      lm: await resolveModelFlag(flags.lm, flags),
      teacher: teacherText === undefined ? undefined : await resolveModelFlag(teacherText, flags),
      seed: flags.seed ?? artifact.compile.seed,
      concurrency: flags.concurrency,
      budget: budgetOf(flags),
      cacheDirectory: cacheDirectory(flags, cwd),
      out,
      emitTs: flags.emitTs === undefined ? undefined : resolve(cwd, flags.emitTs),
      notes: [
        `retargeted from ${basename(artifactPath)} (content hash ${artifact.contentHash.slice(0, 16)}), compiled for ${oldModel} where it scored ${artifact.compile.final.mean.toFixed(3)}`,
      ],
    },
    output,
  );
  const { report } = result;
  output.result({
    ...compileJson(result),
    retargetedFrom: {
      artifact: artifactPath,
      contentHash: artifact.contentHash,
      model: oldModel,
      final: artifact.compile.final,
    },
    oldArtifactOnNewModel: report.baseline,
    retargeted: report.final,
  });
  output.line(`Retargeted ${artifact.program.name} from ${oldModel} to ${flags.lm}`);
  output.line(
    rows([
      [`old artifact on ${oldModel}`, `${formatScore(artifact.compile.final)} (recorded when compiled)`],
      [`old artifact on ${flags.lm}`, formatScore(report.baseline)],
      [`retargeted on ${flags.lm}`, formatScore(report.final)],
      ["change on the new model", `${formatDelta(report.improvement)} (paired, same examples)`],
    ]).join("\n"),
  );
  output.line();
  printCompileSummary(result, output, cwd, "Compiled");
}

async function artifactMetric(
  spec: string | undefined,
  artifact: Artifact,
  cwd: string,
): Promise<ResolvedMetric> {
  if (spec !== undefined) return resolveMetric(spec, cwd);
  try {
    return await resolveMetric(artifact.compile.metric, cwd);
  } catch (error) {
    if (!MetricError.isInstance(error)) throw error;
    throw new MetricError(
      `the artifact's metric '${artifact.compile.metric}' cannot be found from here (${error.message}); pass --metric`,
    );
  }
}

/** `qa.artifact.json` + `sim/medium` → `qa.artifact.sim-medium.json` */
function defaultOut(artifactPath: string, model: string): string {
  const tag = model.replace(/[^A-Za-z0-9._-]+/g, "-");
  return artifactPath.replace(/(\.json)?$/i, `.${tag}.json`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
