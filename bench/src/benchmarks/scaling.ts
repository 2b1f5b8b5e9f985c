// Benchmark 4: scaling. (a) Compile time, LM calls, largest prompt and peak memory as the
// trainset grows, against the instant in-process sim; (b) Lathe's compile time as its
// concurrency grows, against the sim served over HTTP with a fixed latency. Every measurement
// runs in its own child process so that its peak resident memory is its own.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BenchResult } from "../bench-result.js";
import { fixed, markdownTable, percent } from "../markdown-table.js";
import type { ScalingMeasurement, ScalingScenario } from "./scaling-child.js";

export interface ScalingOptions {
  /** @default [50, 500, 5000] */
  readonly trainSizes?: readonly number[];
  /** @default [1, 4, 16, 64] */
  readonly concurrencies?: readonly number[];
  /** Latency per call in the concurrency sweep. @default 25 */
  readonly latencyMs?: number;
}

const child = fileURLToPath(new URL("./scaling-child.ts", import.meta.url));
const run = promisify(execFile);

/** Runs one scenario in a fresh Node process with the same loader flags (tsx) as this one. */
async function measure(scenario: ScalingScenario): Promise<ScalingMeasurement> {
  const { stdout } = await run(
    process.execPath,
    [...process.execArgv, "--expose-gc", child, JSON.stringify(scenario)],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as ScalingMeasurement;
}

const dataRows = [
  { framework: "Lathe", optimizer: "bootstrap", label: "BootstrapFewShot (4 demos)" },
  { framework: "Ax", optimizer: "bootstrap", label: "AxBootstrapFewShot (4 demos)" },
  { framework: "Lathe", optimizer: "gepa", label: "GEPA (600 metric calls)" },
  { framework: "Ax", optimizer: "gepa", label: "AxGEPA (600 metric calls)" },
  { framework: "Lathe", optimizer: "mipro", label: "MIPRO (auto light)" },
] as const;

export async function runScaling(options: ScalingOptions = {}): Promise<BenchResult> {
  const started = performance.now();
  const trainSizes = options.trainSizes ?? [50, 500, 5000];
  const concurrencies = options.concurrencies ?? [1, 4, 16, 64];
  const latencyMs = options.latencyMs ?? 25;
  const valSize = 100;

  const data: Array<{ framework: string; optimizer: string; trainSize: number } & ScalingMeasurement> = [];
  for (const row of dataRows) {
    for (const trainSize of trainSizes) {
      const result = await measure({
        kind: "data",
        framework: row.framework,
        optimizer: row.optimizer,
        trainSize,
        valSize,
      });
      data.push({ framework: row.framework, optimizer: row.label, trainSize, ...result });
      console.log(
        `  ${row.framework} ${row.label}, ${trainSize} train: ${result.seconds.toFixed(2)} s, heap +${(result.peakHeapMiB - result.heapBeforeMiB).toFixed(1)} MiB`,
      );
    }
  }
  const concurrency: Array<{ concurrency: number } & ScalingMeasurement> = [];
  for (const level of concurrencies) {
    const result = await measure({
      kind: "concurrency",
      concurrency: level,
      latencyMs,
      trainSize: 50,
      valSize: 50,
    });
    concurrency.push({ concurrency: level, ...result });
    console.log(`  concurrency ${level}: ${result.seconds.toFixed(1)} s, ${result.calls} calls`);
  }

  const dataTable = markdownTable(
    [
      "framework",
      "optimizer",
      "train examples ",
      "compile s ",
      "LM calls ",
      "largest prompt (chars) ",
      "≈ tokens ",
      "heap growth MiB ",
      "RSS growth MiB ",
      "val score ",
    ],
    data.map((row) => [
      row.framework,
      row.optimizer,
      row.trainSize,
      fixed(row.seconds, 2),
      row.calls,
      row.maxPromptChars.toLocaleString("en-US"),
      Math.round(row.maxPromptChars / 4).toLocaleString("en-US"),
      fixed(row.peakHeapMiB - row.heapBeforeMiB, 1),
      fixed(row.peakRssMiB - row.rssBeforeMiB, 0),
      percent(row.score),
    ]),
  );
  const first = concurrency[0]!;
  const concurrencyTable = markdownTable(
    [
      "concurrency ",
      "compile s ",
      "LM calls ",
      "limit s ",
      "wall ÷ limit ",
      "speed-up vs first ",
      "client CPU ms/call ",
      "heap growth MiB ",
      "val score ",
    ],
    concurrency.map((row) => {
      const limit = (row.calls * latencyMs) / 1000 / row.concurrency;
      return [
        row.concurrency,
        fixed(row.seconds, 2),
        row.calls,
        fixed(limit, 2),
        fixed(row.seconds / limit, 2),
        fixed(first.seconds / row.seconds, 1),
        fixed(row.cpuMs / row.calls, 2),
        fixed(row.peakHeapMiB - row.heapBeforeMiB, 1),
        percent(row.score),
      ];
    }),
  );
  const markdown = [
    `**(a) Trainset size.** Task \`ticket-triage\`, ${trainSizes.join(" / ")} training examples, a fixed ${valSize}-example validation set, the instant in-process sim (so compile time is framework + sim CPU, no network wait). Each run scores the baseline, optimizes and scores the result (for Ax with the same ${8}-wide evaluation loop as in benchmark 2). "Largest prompt" is the biggest request the optimizer sent, as written by the framework. Heap growth is the most JavaScript heap in use while compiling (sampled every 2 ms) minus the heap after a full GC just before; RSS growth is the process's peak resident memory minus resident memory just before compiling (it includes memory the GC has not returned). Both include the sim's own work.`,
    "",
    dataTable,
    "",
    `**(b) Concurrency.** Lathe \`compile()\` with RandomSearch (4 shuffled candidates) on 50 train / 50 validation examples against the sim over loopback HTTP at ${latencyMs} ms per call; the limit is calls × latency ÷ concurrency. The sim server runs in its own process, but client and server share the machine's 2 cores, so at high concurrency CPU time, not latency, is the bound ("client CPU" is the compiling process's own CPU time per call; the rest of each call's CPU is the server's). Ax's optimizers have no concurrency setting (AxBootstrapFewShot and AxGEPA call the model one example at a time), so there is no Ax sweep; benchmark 2 shows what that costs against latency. The identical validation score at every level is the determinism rule at work: concurrency never decides an outcome.`,
    "",
    concurrencyTable,
  ].join("\n");
  return {
    id: "scaling",
    title: "4. Scaling",
    markdown,
    json: { options: { trainSizes, valSize, concurrencies, latencyMs }, data, concurrency },
    seconds: (performance.now() - started) / 1000,
  };
}
