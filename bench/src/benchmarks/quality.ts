// Benchmark 3: quality per LM call. Every optimizer of both frameworks compiles the same sim
// tasks with the same student (sim/small) and teacher (sim/large), data and seeds; the result
// is scored on a held-out split no optimizer saw. Calls are what the optimizer itself made
// (student + teacher), counted by the same wrapper around the model on both sides.
import { AxBootstrapFewShot, AxGEPA, type AxGen } from "@ax-llm/ax";
import { generateDataset, simTasks } from "@lathe/adapters";
import { type Example, evaluate, type Metric } from "@lathe/core";
import {
  BootstrapFewShot,
  GEPA,
  LabeledFewShot,
  MetaPrompt,
  MIPRO,
  OPRO,
  type Optimizer,
  type OptimizerContext,
  RandomSearch,
} from "@lathe/optimizers";
import { axEvaluate } from "../ax-evaluate.js";
import type { BenchResult } from "../bench-result.js";
import { type BenchTask, benchTasks } from "../bench-tasks.js";
import { countingModel } from "../counting-model.js";
import { fixed, markdownTable, percent } from "../markdown-table.js";
import { inProcessSim, type Provider } from "../providers.js";
import { mean, standardDeviation } from "../stats.js";

export interface QualityOptions {
  readonly tasks?: readonly (keyof typeof benchTasks)[];
  /** @default [1, 2, 3, 4, 5] */
  readonly seeds?: readonly number[];
  /** @default 100 */
  readonly trainSize?: number;
  /** @default 100 */
  readonly valSize?: number;
  /** Held-out examples the result is scored on. @default 200 */
  readonly testSize?: number;
  /** GEPA budget in metric calls, both frameworks. @default 600 */
  readonly gepaBudget?: number;
  /** Student and teacher for both frameworks. @default the sim in process */
  readonly provider?: Provider;
}

interface Run {
  readonly task: string;
  readonly framework: "Lathe" | "Ax";
  readonly optimizer: string;
  readonly seed: number;
  readonly test: number;
  readonly calls: number;
  readonly studentCalls: number;
  readonly teacherCalls: number;
  /** Prompt characters sent by the optimizer's calls, ÷ 4: a rough token count. */
  readonly promptTokens: number;
}

type LatheEntry = { readonly name: string; readonly make: (gepaBudget: number) => Optimizer | undefined };

const latheOptimizers: readonly LatheEntry[] = [
  { name: "uncompiled (baseline)", make: () => undefined },
  { name: "LabeledFewShot (k=4)", make: () => new LabeledFewShot({ k: 4 }) },
  {
    name: "BootstrapFewShot (4 demos)",
    make: () => new BootstrapFewShot({ maxBootstrappedDemos: 4, maxLabeledDemos: 4 }),
  },
  {
    name: "RandomSearch (6 candidates)",
    make: () => new RandomSearch({ numCandidates: 6, maxBootstrappedDemos: 4, maxLabeledDemos: 4 }),
  },
  { name: "MIPRO (auto light)", make: () => new MIPRO({ auto: "light" }) },
  { name: "MetaPrompt (5 rounds)", make: () => new MetaPrompt() },
  { name: "OPRO (5 steps)", make: () => new OPRO() },
  { name: "GEPA (budget)", make: (budget) => new GEPA({ maxMetricCalls: budget }) },
];

const axOptimizers = ["uncompiled (baseline)", "AxBootstrapFewShot (4 demos)", "AxGEPA (budget)"] as const;

async function runLathe(
  task: BenchTask,
  entry: LatheEntry,
  data: { trainset: Example[]; valset: Example[]; testset: Example[] },
  seed: number,
  options: Required<Pick<QualityOptions, "gepaBudget" | "provider">>,
): Promise<Run> {
  const student = countingModel(options.provider.lathe("student"));
  const teacher = countingModel(options.provider.lathe("teacher"));
  const metric: Metric = (example, prediction) => task.score(example, prediction);
  const program = task.lathe();
  const optimizer = entry.make(options.gepaBudget);
  const context: OptimizerContext = {
    trainset: data.trainset,
    valset: data.valset,
    metric,
    seed,
    concurrency: 8,
    student: { lm: student, temperature: 0, role: "student" },
    teacher: { lm: teacher, temperature: 0, role: "teacher" },
  };
  const state = optimizer ? (await optimizer.optimize(program, context)).state : program.state();
  const [studentCalls, teacherCalls] = [student.counts.calls, teacher.counts.calls];
  const promptTokens = (student.counts.promptChars + teacher.counts.promptChars) / 4;
  const scored = await evaluate(program.withState(state), data.testset, metric, {
    concurrency: 8,
    settings: { lm: options.provider.lathe("student"), temperature: 0 },
  });
  return {
    task: task.name,
    framework: "Lathe",
    optimizer: entry.name,
    seed,
    test: scored.mean,
    calls: studentCalls + teacherCalls,
    studentCalls,
    teacherCalls,
    promptTokens,
  };
}

async function runAx(
  task: BenchTask,
  name: (typeof axOptimizers)[number],
  data: { trainset: Example[]; valset: Example[]; testset: Example[] },
  seed: number,
  options: Required<Pick<QualityOptions, "gepaBudget" | "provider">>,
): Promise<Run> {
  const { service: studentAI, counts: student } = options.provider.axCounted("student");
  const { service: teacherAI, counts: teacher } = options.provider.axCounted("teacher");
  const program: AxGen = task.ax();
  const metric = ({ prediction, example }: { prediction: unknown; example: Example }) =>
    task.score(example, prediction as Record<string, unknown>).score;
  if (name === "AxBootstrapFewShot (4 demos)") {
    const optimizer = new AxBootstrapFewShot({
      studentAI,
      teacherAI,
      options: { maxDemos: 4, maxRounds: 1, verboseMode: false },
    });
    const result = await optimizer.compile(program as never, data.trainset as never, metric as never);
    program.setDemos(result.demos ?? []);
  } else if (name === "AxGEPA (budget)") {
    const optimizer = new AxGEPA({ studentAI, teacherAI, seed, verbose: false });
    const result = await optimizer.compile(
      program as never,
      data.trainset as never,
      metric as never,
      {
        maxMetricCalls: options.gepaBudget,
        validationExamples: data.valset as never,
        feedbackFn: ({ prediction, example }: { prediction: unknown; example: Example }) =>
          task.score(example, prediction as Record<string, unknown>).feedback,
      } as never,
    );
    result.optimizedProgram?.applyTo(program as never);
  }
  const [studentCalls, teacherCalls] = [student.calls, teacher.calls];
  const promptTokens = (student.promptChars + teacher.promptChars) / 4;
  const scored = await axEvaluate(program, options.provider.ax("student"), data.testset, task, 8);
  return {
    task: task.name,
    framework: "Ax",
    optimizer: name,
    seed,
    test: scored.mean,
    calls: studentCalls + teacherCalls,
    studentCalls,
    teacherCalls,
    promptTokens,
  };
}

const spread = (values: readonly number[], format: (value: number) => string) =>
  values.length > 1 ? `${format(mean(values))} ± ${format(standardDeviation(values))}` : format(mean(values));

export async function runQuality(options: QualityOptions = {}): Promise<BenchResult> {
  const started = performance.now();
  const taskNames = options.tasks ?? ["triage", "word-problems", "meeting-extraction"];
  const seeds = options.seeds ?? [1, 2, 3, 4, 5];
  const [trainSize, valSize, testSize] = [
    options.trainSize ?? 100,
    options.valSize ?? 100,
    options.testSize ?? 200,
  ];
  const resolved = {
    gepaBudget: options.gepaBudget ?? 600,
    provider: options.provider ?? inProcessSim(),
  };
  const runs: Run[] = [];
  const sections: string[] = [];
  for (const taskName of taskNames) {
    const task = benchTasks[taskName];
    for (const seed of seeds) {
      const rows = generateDataset(simTasks[task.name], {
        seed: 100 + seed,
        size: trainSize + valSize + testSize,
      });
      const data = {
        trainset: rows.slice(0, trainSize),
        valset: rows.slice(trainSize, trainSize + valSize),
        testset: rows.slice(trainSize + valSize),
      };
      for (const entry of latheOptimizers) runs.push(await runLathe(task, entry, data, seed, resolved));
      for (const name of axOptimizers) runs.push(await runAx(task, name, data, seed, resolved));
      console.log(`  ${task.name} seed ${seed}: done`);
    }
    const lines = [
      ...latheOptimizers.map((entry) => ["Lathe", entry.name] as const),
      ...axOptimizers.map((name) => ["Ax", name] as const),
    ].map(([framework, optimizer]) => {
      const group = runs.filter(
        (run) => run.task === task.name && run.framework === framework && run.optimizer === optimizer,
      );
      const baselineOf = (run: Run) =>
        runs.find(
          (other) =>
            other.task === run.task &&
            other.seed === run.seed &&
            other.framework === framework &&
            other.optimizer === "uncompiled (baseline)",
        )?.test ?? Number.NaN;
      return [
        framework,
        optimizer.replace("(budget)", `(${resolved.gepaBudget} metric calls)`),
        spread(
          group.map((run) => run.test),
          (value) => percent(value),
        ),
        optimizer.startsWith("uncompiled")
          ? ""
          : spread(
              group.map((run) => 100 * (run.test - baselineOf(run))),
              (value) => fixed(value, 1),
            ),
        spread(
          group.map((run) => run.calls),
          (value) => fixed(value, 0),
        ),
        spread(
          group.map((run) => run.teacherCalls),
          (value) => fixed(value, 0),
        ),
        spread(
          group.map((run) => run.promptTokens / 1000),
          (value) => fixed(value, 0),
        ),
      ];
    });
    lines.push([
      "Ax",
      "AxMiPRO",
      "not available: @ax-llm/ax 24.0.21 exports no MIPRO optimizer (only AxBootstrapFewShot, AxGEPA, AxACE)",
      "",
      "",
      "",
      "",
    ]);
    sections.push(
      `#### ${task.name}\n\n${markdownTable(["framework", "optimizer", "held-out score (mean ± sd) ", "gain (points) ", "LM calls ", "of which teacher ", "prompt ktokens "], lines)}`,
    );
  }
  const overall = [
    ...latheOptimizers.map((entry) => ["Lathe", entry.name] as const),
    ...axOptimizers.map((name) => ["Ax", name] as const),
  ].map(([framework, optimizer]) => {
    const perTask = (pick: (run: Run) => number) =>
      mean(
        taskNames.map((taskName) =>
          mean(
            runs
              .filter(
                (run) =>
                  run.task === benchTasks[taskName].name &&
                  run.framework === framework &&
                  run.optimizer === optimizer,
              )
              .map(pick),
          ),
        ),
      );
    return [
      framework,
      optimizer.replace("(budget)", `(${resolved.gepaBudget} metric calls)`),
      percent(perTask((run) => run.test)),
      fixed(
        perTask((run) => run.calls),
        0,
      ),
      fixed(
        perTask((run) => run.promptTokens / 1000),
        0,
      ),
    ];
  });
  const markdown = [
    `Models: ${resolved.provider.label}${options.provider ? "" : " (the sim reads Ax's prompt template through the same translation as in benchmark 2)"}. Per seed: ${trainSize} train, ${valSize} validation and ${testSize} held-out test examples freshly generated; seeds ${seeds.join(", ")}; mean ± sample standard deviation over seeds. "LM calls" counts what the optimizer itself asked of the student and teacher (Lathe's optimizers are run through their \`optimize()\` so that compile()'s baseline/final scoring is not counted; Ax's optimizers score nothing extra). The held-out score is measured afterwards with the same metric on both sides; "gain" is it minus the same framework's uncompiled score, in percentage points. "Prompt ktokens" is the optimizer's prompt characters ÷ 4000: calls are not all the same size (AxBootstrapFewShot puts every other training example into each teacher prompt).`,
    "",
    `Settings: each optimizer with its own defaults except the budgets shown (bootstrap: 4 demos on both sides; GEPA: ${resolved.gepaBudget} metric calls on both sides, Lathe minibatch 3 and Ax minibatch 20 by their defaults, Ax's Pareto set capped at its default 60 validation examples). AxBootstrapFewShot draws examples with \`Math.random\` (it takes no seed), so its spread also reflects unseeded sampling.`,
    "",
    `#### All tasks (mean of the per-task means)\n\n${markdownTable(["framework", "optimizer", "held-out score ", "LM calls ", "prompt ktokens "], overall)}`,
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
  return {
    id: "quality",
    title: "3. Quality per LM call",
    markdown,
    json: {
      options: { tasks: taskNames, seeds, trainSize, valSize, testSize, gepaBudget: resolved.gepaBudget },
      runs,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
