import { resolve } from "node:path";
import {
  type Artifact,
  artifactSettings,
  DiskCache,
  EvaluationError,
  type EvaluationResult,
  evaluate,
  loadArtifact,
  type Settings,
} from "@lathe/core";
import { Command } from "commander";
import { usageText } from "../compile/compile-summary.js";
import { EvaluationStoppedError, UsageError } from "../errors/cli-errors.js";
import { formatScore, modelString, rows } from "../io/format.js";
import type { Output } from "../io/output.js";
import { resolveMetric } from "../metrics/resolve-metric.js";
import { loadDataset } from "../options/load-datasets.js";
import { resolveModelFlag } from "../options/model-option.js";
import type { CommandContext } from "./command-context.js";
import {
  addCacheFlags,
  addProgramFlags,
  type CacheFlags,
  cacheDirectory,
  type ProgramFlags,
  resolveProgram,
  wholeNumber,
} from "./common-options.js";

interface EvalFlags extends ProgramFlags, CacheFlags {
  readonly data: string;
  readonly metric: string;
  readonly artifact?: string;
  readonly lm?: string;
  readonly baseUrl?: string;
  readonly concurrency: number;
  readonly maxErrors: number;
  readonly showFailures: number;
  readonly json?: boolean;
}

export function evalCommand(context: CommandContext): Command {
  const command = new Command("eval")
    .summary("score a program (optionally loaded from an artifact) on a dataset, with a 95% CI")
    .argument(
      "[program]",
      "the program: <file.ts>#<export>; optional with an artifact compiled from --signature",
    )
    .requiredOption("--data <jsonl>", "examples to score, one JSON object per line")
    .requiredOption(
      "--metric <metric>",
      "exact:<field>, f1:<field>, contains:<field>, sim:<task> or <file.ts>#<export>",
    )
    .option("--artifact <file>", "load this compiled artifact into the program first")
    .option("--lm <model>", "the model to run on (default: the artifact's model)")
    .option("--base-url <url>", "OpenAI-compatible server for the model")
    .option("--concurrency <n>", "examples evaluated at once", wholeNumber(1), 8)
    // As DSPy's default: an unreachable model or a broken program stops early, not after every row.
    .option(
      "--max-errors <n>",
      "stop with an error once more than n examples fail to run (a low score is not a failure)",
      wholeNumber(0),
      10,
    )
    .option("--show-failures <n>", "print up to n examples that did not score 1", wholeNumber(0), 0)
    .option("--json", "print a JSON summary on stdout");
  addProgramFlags(command);
  addCacheFlags(command);
  return command.action((program: string | undefined, flags: EvalFlags) =>
    context.run(flags.json === true, (output) => runEval(program, flags, output, context.cwd)),
  );
}

async function runEval(
  ref: string | undefined,
  flags: EvalFlags,
  output: Output,
  cwd: string,
): Promise<void> {
  const artifact =
    flags.artifact === undefined ? undefined : await loadArtifact(resolve(cwd, flags.artifact));
  const loaded = await resolveProgram(ref, flags, cwd, artifact);
  const program = artifact ? loaded.program.load(artifact) : loaded.program;
  const metric = await resolveMetric(flags.metric, cwd);
  const data = await loadDataset(flags.data, cwd, program, metric.fields);
  const modelText = flags.lm ?? (artifact ? modelString(artifact.target) : undefined);
  if (modelText === undefined) throw new UsageError("--lm is required (or --artifact, whose model is used)");
  const lm = await resolveModelFlag(modelText, flags);
  const cache = cacheDirectory(flags, cwd);
  const settings: Settings = {
    ...(artifact ? artifactSettings(artifact) : {}),
    lm,
    ...(cache === false ? {} : { cache: new DiskCache({ directory: cache }) }),
  };
  const progress = output.progress();
  let result: EvaluationResult;
  try {
    result = await evaluate(program, data, metric.metric, {
      concurrency: flags.concurrency,
      maxErrors: flags.maxErrors,
      settings,
      onProgress: (event) =>
        progress.update("eval", event.completed, event.total, `mean ${event.meanSoFar.toFixed(3)}`),
    });
  } catch (error) {
    if (EvaluationError.isInstance(error)) throw new EvaluationStoppedError(error);
    throw error;
  } finally {
    progress.done();
  }
  const failures = result.results.filter((entry) => entry.score < 1).slice(0, flags.showFailures);
  output.result({
    program: loaded.name,
    artifact: flags.artifact ?? null,
    model: modelText,
    metric: metric.name,
    data: flags.data,
    mean: result.mean,
    ci: result.ci,
    count: result.count,
    errors: result.errors,
    firstError: result.results.find((entry) => entry.error)?.error ?? null,
    usage: result.usage.total,
    failures: failures.map(({ index, example, prediction, score, feedback, error }) => ({
      index,
      example,
      prediction: prediction ?? null,
      score,
      feedback: feedback ?? null,
      error: error ?? null,
    })),
  });
  output.line(`score  ${formatScore(result)}`);
  output.line(
    rows([
      [
        "program",
        `${loaded.name}${artifact ? ` + ${flags.artifact} (${describe(artifact)})` : " (uncompiled)"}`,
      ],
      ["model", modelText],
      ["metric", `${metric.name} on ${flags.data}`],
      [
        "errors",
        `${result.errors}${result.errors > 0 ? ` (first: ${result.results.find((entry) => entry.error)?.error})` : ""}`,
      ],
      ["LM calls", usageText(result.usage.total)],
    ]).join("\n"),
  );
  for (const failure of failures) {
    output.line(
      `\n#${failure.index + 1} score ${failure.score.toFixed(3)}${failure.feedback ? `: ${failure.feedback}` : ""}`,
    );
    output.line(`  example    ${JSON.stringify(failure.example)}`);
    output.line(`  prediction ${failure.error ?? JSON.stringify(failure.prediction)}`);
  }
}

function describe(artifact: Artifact): string {
  return `${artifact.compile.optimizer}, compiled for ${modelString(artifact.target)}`;
}
