// Benchmark 2: compile wall time against LM latency. Both frameworks compile the same task
// against the same simulated model served over loopback HTTP with a fixed latency per call:
// Lathe through its openai-SDK backend, Ax through AxAIOpenAI. Every chat-completion request
// is counted and timed by the same instrumented fetch on both sides.
import { type AxAIService, AxBootstrapFewShot, AxGEPA, type AxGen } from "@ax-llm/ax";
import { generateDataset, simTasks } from "@lathe/adapters";
import type { Example, Metric } from "@lathe/core";
import { BootstrapFewShot, compile, GEPA, type Optimizer } from "@lathe/optimizers";
import { axEvaluate } from "../ax-evaluate.js";
import type { BenchResult } from "../bench-result.js";
import { type BenchTask, benchTasks } from "../bench-tasks.js";
import { type FetchLog, instrumentedFetch } from "../instrumented-fetch.js";
import { fixed, markdownTable, percent } from "../markdown-table.js";
import { type Provider, simServer } from "../providers.js";
import { median } from "../stats.js";

export interface CompileLatencyOptions {
  /** Latency per LM call, in ms; one run of every row per value. @default [25, 100, 400] */
  readonly latencies?: readonly number[];
  /** LM calls in flight a framework may use. @default 8 */
  readonly concurrency?: number;
  /** @default 40 */
  readonly trainSize?: number;
  /** @default 40 */
  readonly valSize?: number;
  /** GEPA budget in metric calls, on both sides. @default 150 */
  readonly gepaBudget?: number;
  /** Runs of each bootstrap row; the run with the median wall time is reported. @default 3 */
  readonly bootstrapRepeats?: number;
  /** A real provider instead of the sim server (then `latencies` is ignored: the provider's own applies). */
  readonly provider?: Provider;
}

interface Row {
  /** The configured latency, or for a real provider the median measured call duration. */
  readonly latencyMs: number;
  readonly provider: string;
  readonly framework: "Lathe" | "Ax";
  readonly optimizer: string;
  /** Runs made; the one with the median wall time is this row. */
  readonly runs: number;
  readonly seconds: number;
  readonly calls: number;
  readonly baseline: number;
  readonly final: number;
  /** Sum of call durations ÷ wall time: how many calls were in flight on average. */
  readonly meanInFlight: number;
  readonly peakInFlight: number;
  readonly medianCallMs: number;
  /** This process's CPU time (user + system) per LM call: the client side's own cost. */
  readonly clientCpuMsPerCall: number;
}

function summarize(log: FetchLog, seconds: number, cpu: NodeJS.CpuUsage) {
  const busy = log.durations.reduce((sum, duration) => sum + duration, 0) / 1000;
  return {
    clientCpuMsPerCall: (cpu.user + cpu.system) / 1000 / log.calls,
    calls: log.calls,
    meanInFlight: busy / seconds,
    peakInFlight: log.peakInFlight,
    medianCallMs: median(log.durations),
  };
}

async function latheRow(
  provider: Provider,
  task: BenchTask,
  optimizer: Optimizer,
  data: { trainset: Example[]; valset: Example[] },
  concurrency: number,
) {
  const { fetch, log } = instrumentedFetch();
  const metric: Metric = (example, prediction) => task.score(example, prediction);
  const cpu = process.cpuUsage();
  const begin = performance.now();
  const { report } = await compile(task.lathe(), {
    optimizer,
    ...data,
    metric,
    lm: provider.lathe("student", fetch),
    teacher: provider.lathe("teacher", fetch),
    seed: 1,
    concurrency,
    cache: false,
  });
  const seconds = (performance.now() - begin) / 1000;
  return {
    seconds,
    baseline: report.baseline.mean,
    final: report.final.mean,
    ...summarize(log, seconds, process.cpuUsage(cpu)),
  };
}

async function axRow(
  provider: Provider,
  task: BenchTask,
  optimize: (program: AxGen, student: AxAIService, teacher: AxAIService) => Promise<void>,
  data: { valset: Example[] },
  concurrency: number,
) {
  const { fetch, log } = instrumentedFetch();
  const student = provider.ax("student", fetch);
  const teacher = provider.ax("teacher", fetch);
  const program = task.ax();
  const cpu = process.cpuUsage();
  const begin = performance.now();
  // The same three steps as Lathe's compile(): score the baseline, optimize, score the result.
  const baseline = await axEvaluate(program, student, data.valset, task, concurrency);
  await optimize(program, student, teacher);
  const final = await axEvaluate(program, student, data.valset, task, concurrency);
  const seconds = (performance.now() - begin) / 1000;
  return {
    seconds,
    baseline: baseline.mean,
    final: final.mean,
    ...summarize(log, seconds, process.cpuUsage(cpu)),
  };
}

export async function runCompileLatency(options: CompileLatencyOptions = {}): Promise<BenchResult> {
  const started = performance.now();
  const latencies = options.latencies ?? [25, 100, 400];
  const concurrency = options.concurrency ?? 8;
  const trainSize = options.trainSize ?? 40;
  const valSize = options.valSize ?? 40;
  const gepaBudget = options.gepaBudget ?? 150;
  const bootstrapRepeats = options.bootstrapRepeats ?? 3;
  const task = benchTasks.triage;
  const rows = generateDataset(simTasks[task.name], { seed: 21, size: trainSize + valSize });
  const data = { trainset: rows.slice(0, trainSize), valset: rows.slice(trainSize) };
  const axMetric = ({ prediction, example }: { prediction: unknown; example: Example }) =>
    task.score(example, prediction as Record<string, unknown>).score;
  const results: Row[] = [];

  const providers: Array<() => Promise<Provider>> = options.provider
    ? [async () => options.provider!]
    : latencies.map((latencyMs) => () => simServer(latencyMs));
  for (const open of providers) {
    const provider = await open();
    try {
      const run = async (
        framework: Row["framework"],
        optimizer: string,
        measure: () => Promise<Omit<Row, "latencyMs" | "provider" | "framework" | "optimizer" | "runs">>,
        runs = 1,
      ) => {
        const measurements = [];
        for (let index = 0; index < runs; index++) measurements.push(await measure());
        measurements.sort((left, right) => left.seconds - right.seconds);
        const measured = measurements[Math.floor(measurements.length / 2)]!;
        const latencyMs = provider.latencyMs ?? measured.medianCallMs;
        results.push({ latencyMs, provider: provider.label, framework, optimizer, runs, ...measured });
        console.log(
          `  ${provider.label} · ${framework} ${optimizer}: ${measured.seconds.toFixed(1)} s, ${measured.calls} calls`,
        );
      };
      await run(
        "Lathe",
        "BootstrapFewShot",
        () =>
          latheRow(
            provider,
            task,
            new BootstrapFewShot({ maxBootstrappedDemos: 4, maxLabeledDemos: 4 }),
            data,
            concurrency,
          ),
        bootstrapRepeats,
      );
      await run(
        "Ax",
        "AxBootstrapFewShot",
        () =>
          axRow(
            provider,
            task,
            async (program, studentAI, teacherAI) => {
              const optimizer = new AxBootstrapFewShot({
                studentAI,
                teacherAI,
                options: { maxDemos: 4, maxRounds: 1, verboseMode: false },
              });
              const result = await optimizer.compile(
                program as never,
                data.trainset as never,
                axMetric as never,
              );
              program.setDemos(result.demos ?? []);
            },
            data,
            concurrency,
          ),
        bootstrapRepeats,
      );
      await run("Lathe", "GEPA", () =>
        latheRow(
          provider,
          task,
          new GEPA({ maxMetricCalls: gepaBudget, minibatchSize: 5 }),
          data,
          concurrency,
        ),
      );
      await run("Ax", "AxGEPA", () =>
        axRow(
          provider,
          task,
          async (program, studentAI, teacherAI) => {
            const optimizer = new AxGEPA({ studentAI, teacherAI, minibatchSize: 5, seed: 1, verbose: false });
            const result = await optimizer.compile(
              program as never,
              data.trainset as never,
              axMetric as never,
              {
                maxMetricCalls: gepaBudget,
                validationExamples: data.valset as never,
                feedbackFn: ({ prediction, example }: { prediction: unknown; example: Example }) =>
                  task.score(example, prediction as Record<string, unknown>).feedback,
              } as never,
            );
            result.optimizedProgram?.applyTo(program as never);
          },
          data,
          concurrency,
        ),
      );
    } finally {
      await provider.close();
    }
  }

  const limit = (row: Row) => (row.calls * row.latencyMs) / 1000 / concurrency;
  const table = markdownTable(
    [
      "latency",
      "framework",
      "optimizer",
      "wall s ",
      "LM calls ",
      "median call ms ",
      "client CPU ms/call ",
      "limit s ",
      "wall ÷ limit ",
      "mean in flight ",
      "val baseline → compiled ",
    ],
    results.map((row) => [
      `${fixed(row.latencyMs, 0)} ms`,
      row.framework,
      row.optimizer,
      fixed(row.seconds, 1),
      row.calls,
      fixed(row.medianCallMs, 0),
      fixed(row.clientCpuMsPerCall, 2),
      fixed(limit(row), 1),
      fixed(row.seconds / limit(row), 2),
      fixed(row.meanInFlight, 1),
      `${percent(row.baseline)} → ${percent(row.final)}`,
    ]),
  );
  const groups = [...new Set(results.map((row) => row.provider))];
  const pairs = groups.flatMap((provider) =>
    [
      ["BootstrapFewShot", "AxBootstrapFewShot"],
      ["GEPA", "AxGEPA"],
    ].map(([lathe, ax]) => {
      const left = results.find((row) => row.provider === provider && row.optimizer === lathe)!;
      const right = results.find((row) => row.provider === provider && row.optimizer === ax)!;
      return [
        `${fixed(left.latencyMs, 0)} ms`,
        `${lathe} vs ${ax}`,
        fixed(right.seconds / left.seconds, 2),
        fixed(right.calls / left.calls, 2),
      ];
    }),
  );
  const ratios = markdownTable(
    ["latency", "pair", "wall time ratio (Ax ÷ Lathe) ", "LM calls ratio (Ax ÷ Lathe) "],
    pairs,
  );
  const markdown = [
    `Task \`ticket-triage\`: ${trainSize} training and ${valSize} validation examples, ${options.provider ? `models: ${options.provider.label} (latency: the median measured call duration)` : "student `sim/small`, teacher `sim/large`, served over loopback HTTP with a fixed latency per call and no jitter"}. Each row scores the uncompiled program on the validation set, optimizes, and scores the result (Lathe's \`compile()\` does all three; for Ax the two scoring passes use a ${concurrency}-wide loop written here, since Ax has no concurrent evaluator). Both frameworks may use ${concurrency} calls at once. GEPA budget: ${gepaBudget} metric calls on both sides (minibatch 5). Bootstrap: 4 demos on both sides; each bootstrap row is the median-time run of ${bootstrapRepeats} (AxBootstrapFewShot samples without a seed, so its runs differ), GEPA rows are single runs.`,
    "",
    `The physical limit is LM calls × latency ÷ ${concurrency}: the wall time if every call overlapped perfectly at the allowed concurrency. "Median call" is one request's round trip as the client saw it (the configured latency plus HTTP, server and sim time; the sim server runs in its own process). "Client CPU" is the benchmarking process's CPU time per call (framework, HTTP client, optimizer; the sim's time is in the server process). "Mean in flight" is the sum of call durations over the wall time: how much of the allowed concurrency was used.`,
    "",
    table,
    "",
    ratios,
  ].join("\n");
  return {
    id: "compile-latency",
    title: "2. Compile wall time against latency",
    markdown,
    json: {
      options: {
        latencies: options.provider ? "provider" : latencies,
        concurrency,
        trainSize,
        valSize,
        gepaBudget,
        task: task.name,
      },
      results,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
