import { resolve } from "node:path";
import type { LanguageModel } from "@lathe/core";
import { Command } from "commander";
import { UsageError } from "../errors/cli-errors.js";
import type { Output } from "../io/output.js";
import type { CommandContext } from "./command-context.js";
import { numberBetween, wholeNumber } from "./common-options.js";
import { simTaskShorthand } from "./sim-task-shorthand.js";

interface ServeFlags {
  readonly port: number;
  readonly host?: string;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly errorRate: number;
  readonly malformedRate: number;
  readonly resetRate: number;
  readonly lengthRate: number;
  readonly emptyRate: number;
  readonly invalidJsonRate: number;
  readonly maxConcurrency?: number;
  readonly retryAfterMs: number;
  readonly apiKey?: string;
  readonly seed: number;
  readonly json?: boolean;
}

interface DataFlags {
  readonly out: string;
  readonly seed: number;
  readonly train: number;
  readonly dev: number;
  readonly test: number;
  readonly json?: boolean;
}

export function simCommand(context: CommandContext): Command {
  const sim = new Command("sim").summary(
    "the offline simulated model: serve it over HTTP, or write datasets",
  );
  sim.addCommand(serveCommand(context));
  sim.addCommand(dataCommand(context));
  return sim;
}

function serveCommand(context: CommandContext): Command {
  const rate = numberBetween(0, 1);
  return new Command("serve")
    .summary("serve the sim models over an OpenAI-compatible API on 127.0.0.1 until interrupted")
    .option("--port <port>", "port (0 picks a free one)", wholeNumber(0), 0)
    .option("--latency-ms <ms>", "latency added before each answer", wholeNumber(0), 0)
    .option("--jitter-ms <ms>", "uniform jitter around the latency", wholeNumber(0), 0)
    .option("--error-rate <p>", "probability of a 500/502/503 per request", rate, 0)
    .option("--malformed-rate <p>", "probability of a garbled 200", rate, 0)
    .option("--reset-rate <p>", "probability of a connection reset mid-response", rate, 0)
    .option("--length-rate <p>", "probability of a reply cut off by the token limit", rate, 0)
    .option("--empty-rate <p>", "probability of a reply with no choices", rate, 0)
    .option("--invalid-json-rate <p>", "probability of a 200 whose body is not JSON", rate, 0)
    .option("--max-concurrency <n>", "requests beyond this many in flight get a 429", wholeNumber(1))
    .option("--retry-after-ms <ms>", "wait suggested by those 429s", wholeNumber(0), 1000)
    .option("--api-key <key>", "require this bearer token")
    .option("--seed <n>", "seed of the injected faults and latency", wholeNumber(0), 0)
    .option("--json", "print the server's URL as JSON on stdout")
    .action((flags: ServeFlags) => context.run(flags.json === true, (output) => serve(flags, output)));
}

async function serve(flags: ServeFlags, output: Output): Promise<void> {
  checkFaultRates(flags);
  const { createSimModel, simModelProfiles, startModelServer } = await import("@lathe/adapters");
  const models = new Map<string, LanguageModel>();
  const modelIds = Object.keys(simModelProfiles);
  const server = await startModelServer({
    model: (modelId) => {
      const name = modelId.replace(/^sim[/:-]/, "");
      if (!modelIds.includes(name)) return undefined;
      if (!models.has(name)) models.set(name, createSimModel(name));
      return models.get(name);
    },
    modelIds,
    port: flags.port,
    latencyMs: flags.latencyMs,
    jitterMs: flags.jitterMs,
    errorRate: flags.errorRate,
    malformedRate: flags.malformedRate,
    resetRate: flags.resetRate,
    lengthRate: flags.lengthRate,
    emptyChoicesRate: flags.emptyRate,
    invalidJsonRate: flags.invalidJsonRate,
    retryAfterMs: flags.retryAfterMs,
    seed: flags.seed,
    ...(flags.maxConcurrency === undefined ? {} : { maxConcurrency: flags.maxConcurrency }),
    ...(flags.apiKey === undefined ? {} : { apiKey: flags.apiKey }),
  });
  output.result({ url: server.url, port: server.port, models: modelIds });
  output.line(`Serving the sim models (${modelIds.join(", ")}) at ${server.url}`);
  output.line(`Try: lathe eval --signature '...' --lm openai-compatible/small --base-url ${server.url} ...`);
  output.line("Press Ctrl-C to stop.");
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveStop();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  const stats = server.stats;
  await server.close();
  const statuses = Object.entries(stats.byStatus)
    .map(([status, count]) => `${status} × ${count}`)
    .join(", ");
  output.note(
    `stopped after ${stats.requests} requests (${stats.completed} completed${statuses ? `; by status: ${statuses}` : ""})`,
  );
}

/** A request gets at most one random fault, so the rates are shares of one draw. */
function checkFaultRates(flags: ServeFlags): void {
  const rates = [
    flags.errorRate,
    flags.malformedRate,
    flags.resetRate,
    flags.lengthRate,
    flags.emptyRate,
    flags.invalidJsonRate,
  ];
  const total = rates.reduce((sum, rate) => sum + rate, 0);
  if (total > 1) {
    throw new UsageError(
      `the fault rates add up to ${Number(total.toFixed(6))}; a request gets at most one fault, so they must sum to at most 1`,
    );
  }
}

function dataCommand(context: CommandContext): Command {
  return new Command("data")
    .summary("write a sim task's seeded train/dev/test JSONL files")
    .argument("<task>", "ticket-triage | meeting-extraction | word-problems | town-qa")
    .requiredOption("--out <dir>", "directory for train.jsonl, dev.jsonl and test.jsonl")
    .option("--seed <n>", "seed of the generator", wholeNumber(0), 0)
    .option("--train <n>", "training examples", wholeNumber(0), 40)
    .option("--dev <n>", "validation examples", wholeNumber(0), 40)
    .option("--test <n>", "test examples", wholeNumber(0), 100)
    .option("--json", "print the file paths as JSON on stdout")
    .action((taskName: string, flags: DataFlags) =>
      context.run(flags.json === true, async (output) => {
        const { getSimTask, writeSplits } = await import("@lathe/adapters");
        const task = getSimTask(taskName);
        const directory = resolve(context.cwd, flags.out);
        const paths = await writeSplits(task, directory, {
          seed: flags.seed,
          train: flags.train,
          dev: flags.dev,
          test: flags.test,
        });
        const shorthand = simTaskShorthand(task);
        output.result({
          task: task.name,
          files: paths,
          signature: shorthand,
          instructions: task.instruction,
        });
        output.line(
          `Wrote ${flags.train} train, ${flags.dev} dev and ${flags.test} test examples of ${task.name} to ${flags.out}`,
        );
        output.line(
          `Try: lathe compile --signature '${shorthand}' --instructions '${task.instruction.replace(/'/g, "'\\''")}' \\\n` +
            `  --train ${flags.out}/train.jsonl --val ${flags.out}/dev.jsonl --metric sim:${task.name} --lm sim/small --out ${task.name}.artifact.json`,
        );
      }),
    );
}
