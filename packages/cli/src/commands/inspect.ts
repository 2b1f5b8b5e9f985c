import { resolve } from "node:path";
import {
  type Artifact,
  artifactSettings,
  describeFields,
  type LanguageModel,
  LatheError,
  loadArtifact,
  type Module,
  type Settings,
} from "@lathe/core";
import { Command } from "commander";
import { UsageError } from "../errors/cli-errors.js";
import { artifactSummary, artifactSummaryLines } from "../inspect/artifact-summary.js";
import { signatureText } from "../inspect/field-text.js";
import { promptViewLines, promptViews } from "../inspect/prompt-view.js";
import { modelString } from "../io/format.js";
import type { Output } from "../io/output.js";
import { resolveModelFlag } from "../options/model-option.js";
import type { CommandContext } from "./command-context.js";
import { addProgramFlags, type ProgramFlags, resolveProgram } from "./common-options.js";

interface InspectFlags extends ProgramFlags {
  readonly input?: string;
  readonly artifact?: string;
  readonly predictor?: string;
  readonly lm?: string;
  readonly baseUrl?: string;
  readonly json?: boolean;
}

export function inspectCommand(context: CommandContext): Command {
  const command = new Command("inspect")
    .summary("summarise an artifact, or show the exact prompts a program sends, without calling a model")
    .argument("[target]", "an artifact (.json), or a program <file.ts>#<export>")
    .option("--input <json>", "inputs as a JSON object: print the exact prompt of every predictor they reach")
    .option("--artifact <file>", "load this artifact into the program first")
    .option("--predictor <path>", "only this predictor (e.g. answer.predict)")
    .option("--lm <model>", "format for this model (adapter and response format follow its capabilities)")
    .option("--base-url <url>", "OpenAI-compatible server for the model")
    .option("--json", "print JSON on stdout");
  addProgramFlags(command);
  return command.action((target: string | undefined, flags: InspectFlags) =>
    context.run(flags.json === true, (output) => inspect(target, flags, output, context.cwd)),
  );
}

async function inspect(
  target: string | undefined,
  flags: InspectFlags,
  output: Output,
  cwd: string,
): Promise<void> {
  if (target !== undefined && /\.json$/i.test(target) && !target.includes("#")) {
    if (flags.input !== undefined || flags.signature !== undefined) {
      throw new UsageError(
        "to see prompts, pass the program and --artifact: lathe inspect <file.ts>#<export> --artifact a.json --input '{...}'",
      );
    }
    const artifact = await loadArtifact(resolve(cwd, target));
    output.result(artifactSummary(artifact));
    output.line(artifactSummaryLines(artifact, target).join("\n"));
    return;
  }
  const artifact =
    flags.artifact === undefined ? undefined : await loadArtifact(resolve(cwd, flags.artifact));
  const loaded = await resolveProgram(target, flags, cwd, artifact);
  const program = artifact ? loaded.program.load(artifact) : loaded.program;
  if (
    flags.predictor !== undefined &&
    !program.namedPredictors().some(([path]) => path === flags.predictor)
  ) {
    const paths = program.namedPredictors().map(([path]) => path);
    throw new UsageError(
      `the program has no predictor '${flags.predictor}'; its predictors are ${paths.join(", ")}`,
    );
  }
  if (flags.input === undefined) return printStructure(program, loaded.name, output, flags.predictor);

  const input = parseInput(flags.input);
  const lm =
    flags.lm !== undefined
      ? await resolveModelFlag(flags.lm, flags)
      : artifact
        ? await artifactModel(artifact)
        : undefined;
  const settings: Settings = { ...(artifact ? artifactSettings(artifact) : {}), ...(lm ? { lm } : {}) };
  const adapter = settings.adapter?.name ?? (lm?.capabilities.structuredOutputs ? "json" : "chat");
  const views = promptViews(program, input, settings, flags.predictor);
  output.result({
    program: loaded.name,
    model: lm ? modelString(lm) : null,
    adapter,
    predictors: views,
  });
  if (!lm)
    output.line(
      `(no --lm: formatted with the ${adapter} adapter; models with structured outputs get the JSON adapter)\n`,
    );
  output.line(promptViewLines(views, adapter).join("\n").trimEnd());
}

function printStructure(program: Module, name: string, output: Output, only: string | undefined): void {
  const predictors = program
    .namedPredictors()
    .filter(([path]) => only === undefined || path === only)
    .map(([path, predictor]) => ({
      path,
      signature: signatureText({
        inputs: describeFields(predictor.signature.inputFields),
        outputs: describeFields(predictor.signature.outputFields),
      }),
      instructions: predictor.instructions,
      demos: predictor.demos.length,
    }));
  output.result({ program: name, predictors });
  output.line(
    `Program ${name}: ${predictors.length} predictor(s); pass --input '<json>' to see the exact prompts`,
  );
  for (const predictor of predictors) {
    output.line(`  ${predictor.path}  ${predictor.signature}  (${predictor.demos} demos)`);
    output.line(
      predictor.instructions
        .split("\n")
        .map((line) => `    | ${line}`)
        .join("\n"),
    );
  }
}

function parseInput(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--input is not valid JSON (${(error as Error).message}); e.g. --input '{"question": "..."}'`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(`--input must be a JSON object of input fields, e.g. '{"question": "..."}'`);
  }
  return value as Record<string, unknown>;
}

/** The artifact's own model, when it can be built here (e.g. no API key needed); else none. */
async function artifactModel(artifact: Artifact): Promise<LanguageModel | undefined> {
  try {
    return await resolveModelFlag(modelString(artifact.target));
  } catch (error) {
    if (LatheError.isInstance(error)) return undefined;
    throw error;
  }
}
