import { resolve } from "node:path";
import type { BudgetLimits, Example } from "@lathe/core";
import { Command } from "commander";
import { runCompile } from "../compile/compile-run.js";
import { compileJson, printCompileSummary } from "../compile/compile-summary.js";
import { estimateCompileCalls } from "../compile/estimate-calls.js";
import { UsageError } from "../errors/cli-errors.js";
import { rows } from "../io/format.js";
import type { Output } from "../io/output.js";
import { resolveMetric } from "../metrics/resolve-metric.js";
import { buildOptimizers, planOptimizers } from "../options/build-optimizers.js";
import { loadDataset } from "../options/load-datasets.js";
import { checkModelFlag, resolveModelFlag } from "../options/model-option.js";
import { OPTIMIZERS } from "../options/optimizer-registry.js";
import { collectOpt, type OptAssignment } from "../options/parse-opt.js";
import type { LoadedProgram } from "../program/load-program.js";
import type { CommandContext } from "./command-context.js";
import {
  addCacheFlags,
  addProgramFlags,
  type CacheFlags,
  cacheDirectory,
  numberBetween,
  type ProgramFlags,
  resolveProgram,
  wholeNumber,
} from "./common-options.js";

export interface CompileFlags extends ProgramFlags, CacheFlags {
  readonly train: string;
  readonly val?: string;
  readonly metric: string;
  readonly optimizer: string;
  readonly opt: OptAssignment[];
  readonly lm: string;
  readonly teacher?: string;
  readonly baseUrl?: string;
  readonly out?: string;
  readonly emitTs?: string;
  readonly seed: number;
  readonly concurrency: number;
  readonly budgetUsd?: number;
  readonly budgetCalls?: number;
  readonly dryRun?: boolean;
  readonly resume?: boolean;
  readonly json?: boolean;
}

/** Adds the flags `compile` and `retarget` share. */
export function addCompileFlags(command: Command): Command {
  return addCacheFlags(command)
    .option("--val <jsonl>", "validation examples for selection and scores (default: the trainset)")
    .option("--teacher <model>", "a stronger model for bootstrapping and proposals (default: the student)")
    .option("--base-url <url>", "OpenAI-compatible server for the models (e.g. from `lathe sim serve`)")
    .option(
      "--opt <key=value>",
      "an optimizer option by its API name; repeatable (e.g. --opt maxDemos=0, --opt mipro.auto=medium)",
      collectOpt,
      [],
    )
    .option("--emit-ts <file.ts>", "also write a typed TypeScript module exporting the frozen program")
    .option("--concurrency <n>", "LM calls in flight at once", wholeNumber(1), 8)
    .option("--budget-usd <usd>", "stop cleanly once this much estimated spend is reached", numberBetween(0))
    .option(
      "--budget-calls <n>",
      "stop cleanly after this many LM calls (cache hits are free)",
      wholeNumber(0),
    )
    .option("--resume", "continue an interrupted compile (completed calls replay from the cache)")
    .option("--json", "print a JSON summary on stdout");
}

export function compileCommand(context: CommandContext): Command {
  const command = new Command("compile")
    .summary("compile a program against a trainset and a metric into a frozen artifact")
    .argument("[program]", "the program: <file.ts>#<export> (a Module instance, class or factory)")
    .requiredOption("--train <jsonl>", "training examples, one JSON object per line")
    .requiredOption(
      "--metric <metric>",
      "exact:<field>, f1:<field>, contains:<field>, sim:<task> or <file.ts>#<export>",
    )
    .requiredOption(
      "--lm <model>",
      "the model the program will run on: sim/small, openai/gpt-4o-mini, ollama/llama3.2, ...",
    )
    .option(
      "--optimizer <name>",
      `${OPTIMIZERS.map((entry) => entry.name).join("|")}, or a pipeline such as bootstrap,mipro`,
      "bootstrap",
    )
    .option("--out <artifact.json>", "where to write the artifact (the run report goes next to it)")
    .option("--seed <n>", "seed of every random choice", wholeNumber(0), 0)
    .option("--dry-run", "print the estimated LM calls and stop, calling no model");
  addProgramFlags(command);
  addCompileFlags(command);
  return command.action((program: string | undefined, flags: CompileFlags) =>
    context.run(flags.json === true, (output) => compile(program, flags, output, context.cwd)),
  );
}

async function compile(
  ref: string | undefined,
  flags: CompileFlags,
  output: Output,
  cwd: string,
): Promise<void> {
  if (flags.resume && !flags.cache) throw new UsageError("--resume needs the cache; drop --no-cache");
  if (!flags.dryRun && !flags.out) {
    throw new UsageError("--out is required: where to write the artifact, e.g. --out program.artifact.json");
  }
  const loaded = await resolveProgram(ref, flags, cwd);
  const metric = await resolveMetric(flags.metric, cwd);
  const trainset = await loadDataset(flags.train, cwd, loaded.program, metric.fields);
  const valset =
    flags.val === undefined ? undefined : await loadDataset(flags.val, cwd, loaded.program, metric.fields);
  const optimizers = buildOptimizers(
    planOptimizers(flags.optimizer, flags.opt, { automatic: automaticOptions(loaded, flags.opt) }),
  );
  if (flags.dryRun) return dryRun(loaded, flags, optimizers, trainset, valset ?? trainset, output);

  const cache = cacheDirectory(flags, cwd);
  if (flags.resume && cache !== false) output.note(`resume: reusing the responses cached in ${cache}`);
  const result = await runCompile(
    {
      loaded,
      trainset,
      valset,
      metric,
      optimizers,
      lm: await resolveModelFlag(flags.lm, flags),
      teacher: flags.teacher === undefined ? undefined : await resolveModelFlag(flags.teacher, flags),
      seed: flags.seed,
      concurrency: flags.concurrency,
      budget: budgetOf(flags),
      cacheDirectory: cache,
      out: resolve(cwd, flags.out!),
      emitTs: flags.emitTs === undefined ? undefined : resolve(cwd, flags.emitTs),
    },
    output,
  );
  output.result(compileJson(result));
  printCompileSummary(result, output, cwd, "Compiled");
}

/** Options the CLI supplies itself: MIPRO reads the program's source file for its summary. */
export function automaticOptions(
  loaded: LoadedProgram,
  opts: readonly OptAssignment[],
): Record<string, Record<string, unknown>> {
  const given = opts.some((opt) => opt.key === "programCode" || opt.key === "programSource");
  return loaded.file && !given ? { mipro: { programSource: loaded.file } } : {};
}

export function budgetOf(flags: Pick<CompileFlags, "budgetUsd" | "budgetCalls">): BudgetLimits | undefined {
  if (flags.budgetUsd === undefined && flags.budgetCalls === undefined) return undefined;
  return {
    ...(flags.budgetUsd === undefined ? {} : { maxUsd: flags.budgetUsd }),
    ...(flags.budgetCalls === undefined ? {} : { maxCalls: flags.budgetCalls }),
  };
}

async function dryRun(
  loaded: LoadedProgram,
  flags: CompileFlags,
  optimizers: Parameters<typeof estimateCompileCalls>[1],
  trainset: readonly Example[],
  valset: readonly Example[],
  output: Output,
): Promise<void> {
  const lm = await checkModelFlag(flags.lm);
  const teacher = flags.teacher === undefined ? undefined : await checkModelFlag(flags.teacher);
  const estimate = estimateCompileCalls(loaded.program, optimizers, { trainset, valset });
  const predictors = loaded.program.namedPredictors().map(([path]) => path);
  output.result({
    dryRun: true,
    program: loaded.name,
    predictors,
    optimizer: optimizers.map((optimizer) => optimizer.name).join(","),
    config: Object.fromEntries(optimizers.map((optimizer) => [optimizer.name, optimizer.config])),
    model: `${lm.provider}/${lm.modelId}`,
    teacher: teacher ? `${teacher.provider}/${teacher.modelId}` : null,
    trainset: trainset.length,
    valset: valset.length,
    estimate,
    budget: budgetOf(flags) ?? null,
  });
  output.line("Dry run: no model was called.");
  output.line(
    rows([
      [
        "program",
        `${loaded.name} (${predictors.length} predictor${predictors.length === 1 ? "" : "s"}: ${predictors.join(", ")})`,
      ],
      ["optimizer", optimizers.map((optimizer) => optimizer.name).join(" → ")],
      [
        "model",
        `${lm.provider}/${lm.modelId}${teacher ? `, teacher ${teacher.provider}/${teacher.modelId}` : ""}`,
      ],
      [
        "data",
        `${trainset.length} train, ${valset.length} validation${flags.val === undefined ? " (the trainset)" : ""}`,
      ],
      [
        "estimate",
        `at most ~${estimate.total} LM calls (${estimate.student} student, ${estimate.teacher} teacher)`,
      ],
    ]).join("\n"),
  );
  output.line(
    rows(
      estimate.steps.map((step) => [step.step, `${step.calls} ${step.role}`] as const),
      "    ",
    ).join("\n"),
  );
  output.line(`  assumes: ${estimate.assumptions.join("; ")}`);
}
