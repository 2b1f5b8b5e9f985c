// One scaling measurement in a fresh process, so that its peak memory is its own. Reads a JSON
// scenario from argv[2] and prints one JSON line with the measurements.
import { AxBootstrapFewShot, AxGEPA, type AxGen } from "@ax-llm/ax";
import { createOpenAICompatible, createSimModel, generateDataset, simTasks } from "@lathe/adapters";
import type { Example, Metric } from "@lathe/core";
import { BootstrapFewShot, compile, GEPA, MIPRO, type Optimizer, RandomSearch } from "@lathe/optimizers";
import { axDialect } from "../ax-dialect/ax-dialect-model.js";
import { axEvaluate } from "../ax-evaluate.js";
import { axServiceFromModel } from "../ax-services.js";
import { benchTasks } from "../bench-tasks.js";
import { countingModel } from "../counting-model.js";
import { instrumentedFetch } from "../instrumented-fetch.js";
import { SIM_API_KEY } from "../sim-server.js";
import { spawnSimServer } from "../spawn-sim-server.js";

export type ScalingScenario =
  | {
      readonly kind: "data";
      readonly framework: "Lathe" | "Ax";
      readonly optimizer: "bootstrap" | "mipro" | "gepa";
      readonly trainSize: number;
      readonly valSize: number;
    }
  | {
      readonly kind: "concurrency";
      readonly concurrency: number;
      readonly latencyMs: number;
      readonly trainSize: number;
      readonly valSize: number;
    };

export interface ScalingMeasurement {
  readonly seconds: number;
  readonly calls: number;
  /** The largest prompt sent, in characters. */
  readonly maxPromptChars: number;
  readonly rssBeforeMiB: number;
  readonly peakRssMiB: number;
  /** Heap in use after a full GC just before compiling. */
  readonly heapBeforeMiB: number;
  /** The most heap in use while compiling (sampled every 2 ms). */
  readonly peakHeapMiB: number;
  /** This process's CPU time while compiling (the sim server's is in its own process). */
  readonly cpuMs: number;
  readonly score: number;
}

const task = benchTasks.triage;
const metric: Metric = (example, prediction) => task.score(example, prediction);
const mib = (bytes: number) => bytes / 1024 ** 2;

/** Memory before and during a measured step: GC first (the child runs with --expose-gc), then sample. */
function memoryProbe() {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  let peakHeap = heapBefore;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 2);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const used = process.cpuUsage(cpu);
      return {
        cpuMs: (used.user + used.system) / 1000,
        rssBeforeMiB: mib(rssBefore),
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
        heapBeforeMiB: mib(heapBefore),
        peakHeapMiB: mib(peakHeap),
      };
    },
  };
}

function largestPrompt() {
  let largest = 0;
  const track = (messages: readonly { content: string }[]) => {
    largest = Math.max(
      largest,
      messages.reduce((sum, message) => sum + message.content.length, 0),
    );
  };
  return { track, get: () => largest };
}

async function measureData(scenario: Extract<ScalingScenario, { kind: "data" }>) {
  const rows = generateDataset(simTasks[task.name], {
    seed: 31,
    size: scenario.trainSize + scenario.valSize,
  });
  const trainset: Example[] = rows.slice(0, scenario.trainSize);
  const valset: Example[] = rows.slice(scenario.trainSize);
  const prompts = largestPrompt();
  const tracked = (id: string) => {
    const inner = countingModel(axDialect(createSimModel(id)));
    return {
      model: {
        ...inner,
        doGenerate: (request: Parameters<typeof inner.doGenerate>[0]) => {
          prompts.track(request.messages);
          return inner.doGenerate(request);
        },
      },
      counts: inner.counts,
    };
  };
  const [student, teacher] = [tracked("small"), tracked("large")];
  const probe = memoryProbe();
  const begin = performance.now();
  let score: number;
  if (scenario.framework === "Lathe") {
    const optimizer: Optimizer =
      scenario.optimizer === "bootstrap"
        ? new BootstrapFewShot({ maxBootstrappedDemos: 4, maxLabeledDemos: 4 })
        : scenario.optimizer === "mipro"
          ? new MIPRO({ auto: "light" })
          : new GEPA({ maxMetricCalls: 600 });
    const { report } = await compile(task.lathe(), {
      optimizer,
      trainset,
      valset,
      metric,
      lm: student.model,
      teacher: teacher.model,
      seed: 1,
      concurrency: 8,
      cache: false,
    });
    score = report.final.mean;
  } else {
    const studentAI = axServiceFromModel(student.model, "student");
    const teacherAI = axServiceFromModel(teacher.model, "teacher");
    const program: AxGen = task.ax();
    const axMetric = ({ prediction, example }: { prediction: unknown; example: Example }) =>
      task.score(example, prediction as Record<string, unknown>).score;
    // As Lathe's compile(): score the baseline, optimize, score the result.
    await axEvaluate(program, studentAI, valset, task, 8);
    if (scenario.optimizer === "bootstrap") {
      const optimizer = new AxBootstrapFewShot({
        studentAI,
        teacherAI,
        options: { maxDemos: 4, maxRounds: 1, verboseMode: false },
      });
      const result = await optimizer.compile(program as never, trainset as never, axMetric as never);
      program.setDemos(result.demos ?? []);
    } else {
      const optimizer = new AxGEPA({ studentAI, teacherAI, seed: 1, verbose: false });
      const result = await optimizer.compile(
        program as never,
        trainset as never,
        axMetric as never,
        {
          maxMetricCalls: 600,
          validationExamples: valset as never,
          feedbackFn: ({ prediction, example }: { prediction: unknown; example: Example }) =>
            task.score(example, prediction as Record<string, unknown>).feedback,
        } as never,
      );
      result.optimizedProgram?.applyTo(program as never);
    }
    score = (await axEvaluate(program, studentAI, valset, task, 8)).mean;
  }
  const seconds = (performance.now() - begin) / 1000;
  return {
    seconds,
    calls: student.counts.calls + teacher.counts.calls,
    maxPromptChars: prompts.get(),
    ...probe.stop(),
    score,
  };
}

async function measureConcurrency(scenario: Extract<ScalingScenario, { kind: "concurrency" }>) {
  const rows = generateDataset(simTasks[task.name], {
    seed: 32,
    size: scenario.trainSize + scenario.valSize,
  });
  const server = await spawnSimServer(scenario.latencyMs);
  try {
    const { fetch, log } = instrumentedFetch();
    const model = (modelId: string) =>
      createOpenAICompatible({
        modelId,
        baseURL: server.url,
        apiKey: SIM_API_KEY,
        provider: "sim-http",
        fetch,
      });
    const probe = memoryProbe();
    const begin = performance.now();
    const { report } = await compile(task.lathe(), {
      optimizer: new RandomSearch({ numCandidates: 4, maxBootstrappedDemos: 4, maxLabeledDemos: 4 }),
      trainset: rows.slice(0, scenario.trainSize),
      valset: rows.slice(scenario.trainSize),
      metric,
      lm: model("small"),
      teacher: model("large"),
      seed: 1,
      concurrency: scenario.concurrency,
      cache: false,
    });
    const seconds = (performance.now() - begin) / 1000;
    return { seconds, calls: log.calls, maxPromptChars: 0, ...probe.stop(), score: report.final.mean };
  } finally {
    await server.close();
  }
}

const scenario = JSON.parse(process.argv[2] ?? "{}") as ScalingScenario;
const measurement: ScalingMeasurement =
  scenario.kind === "data" ? await measureData(scenario) : await measureConcurrency(scenario);
process.stdout.write(`${JSON.stringify(measurement)}\n`);
