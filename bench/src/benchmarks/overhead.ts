// Benchmark 1: framework overhead per call. A 3-field signature (ticket → queue, urgent) with
// 4 demos against an instant in-process model, so the time measured is the framework's own:
// format the prompt, look up the cache, call, parse, validate, record the trace, store.
import { type AxAIService, type AxGen, AxMockAIService } from "@ax-llm/ax";
import { generateDataset, simTasks } from "@lathe/adapters";
import {
  type GenerateResult,
  type LanguageModel,
  MemoryCache,
  Predict,
  traced,
  withSettings,
} from "@lathe/core";
import { Triage } from "../../../examples/triage/program.js";
import type { BenchResult } from "../bench-result.js";
import { benchTasks } from "../bench-tasks.js";
import { fixed, markdownTable } from "../markdown-table.js";
import { mean, quantile } from "../stats.js";

export interface OverheadOptions {
  /** Timed calls per configuration. @default 3000 */
  readonly calls?: number;
  /** Untimed calls per configuration first (JIT warm-up). @default 500 */
  readonly warmup?: number;
  /** The timed calls are split into this many interleaved rounds, to spread drift evenly. @default 5 */
  readonly rounds?: number;
}

/** A model that answers instantly with a fixed, valid completion. */
function instantModel(text: string, structuredOutputs: boolean): LanguageModel {
  const result: GenerateResult = {
    choices: [{ text, finishReason: "stop" }],
    usage: { promptTokens: 100, completionTokens: 10 },
  };
  return {
    specificationVersion: "v1",
    provider: "bench",
    modelId: structuredOutputs ? "instant-json" : "instant-text",
    capabilities: { structuredOutputs, multipleChoices: false, seed: false },
    doGenerate: async () => result,
  };
}

interface Config {
  readonly name: string;
  readonly framework: "lathe" | "ax";
  readonly call: (ticket: string) => Promise<unknown>;
  readonly samples: number[];
}

export async function runOverhead(options: OverheadOptions = {}): Promise<BenchResult> {
  const started = performance.now();
  const calls = options.calls ?? 3000;
  const warmup = options.warmup ?? 500;
  const rounds = options.rounds ?? 5;
  const rows = generateDataset(simTasks["ticket-triage"], { seed: 11, size: 4 });
  const demos = rows.map(({ ticket, queue, urgent }) => ({ ticket, queue, urgent }));
  const predict = new Predict(Triage).withDemos(demos as never);

  const latheConfig = (name: string, model: LanguageModel, repeatInput: boolean): Config => {
    const cache = new MemoryCache();
    return {
      name,
      framework: "lathe",
      samples: [],
      call: (ticket) =>
        withSettings({ lm: model, cache }, () =>
          traced(() => predict.call({ ticket: repeatInput ? "The same ticket every time." : ticket })),
        ),
    };
  };

  const axAi: AxAIService = new AxMockAIService({
    features: { functions: false, streaming: false },
    chatResponse: {
      results: [{ index: 0, content: "queue: billing\nurgent: false", finishReason: "stop" }],
      modelUsage: {
        ai: "bench",
        model: "instant",
        tokens: { promptTokens: 100, completionTokens: 10, totalTokens: 110 },
      },
    },
  }) as AxAIService;
  const axConfig = (name: string, repeatInput: boolean): Config => {
    const program: AxGen = benchTasks.triage.ax();
    program.setDemos([{ programId: program.getId(), traces: demos as never }]);
    const stored = new Map<string, unknown>();
    // Ax's program-level cache hook: called with a key to look up, then with the value to store.
    const cachingFunction = (key: string, value?: unknown) => {
      if (value !== undefined) stored.set(key, value);
      return stored.get(key) as never;
    };
    return {
      name,
      framework: "ax",
      samples: [],
      call: (ticket) =>
        program.forward(axAi, { ticket: repeatInput ? "The same ticket every time." : ticket }, {
          cachingFunction,
        } as never),
    };
  };

  const configs: Config[] = [
    latheConfig(
      "Lathe · text format (ChatAdapter) · cache miss",
      instantModel("[[ ## queue ## ]]\nbilling\n\n[[ ## urgent ## ]]\nfalse\n\n[[ ## completed ## ]]", false),
      false,
    ),
    latheConfig(
      "Lathe · structured outputs (JsonAdapter) · cache miss",
      instantModel('{"queue":"billing","urgent":false}', true),
      false,
    ),
    axConfig("Ax · AxGen text format · cache miss", false),
    latheConfig(
      "Lathe · text format · cache hit",
      instantModel("[[ ## queue ## ]]\nbilling\n\n[[ ## urgent ## ]]\nfalse\n\n[[ ## completed ## ]]", false),
      true,
    ),
    axConfig("Ax · AxGen · cache hit (cachingFunction)", true),
  ];

  let counter = 0;
  const nextTicket = () => `Ticket ${counter++}: my invoice shows the wrong amount and I cannot log in.`;
  for (const config of configs) {
    for (let index = 0; index < warmup; index++) await config.call(nextTicket());
  }
  const perRound = Math.ceil(calls / rounds);
  for (let round = 0; round < rounds; round++) {
    for (const config of configs) {
      for (let index = 0; index < perRound; index++) {
        const ticket = nextTicket();
        const begin = performance.now();
        await config.call(ticket);
        config.samples.push(performance.now() - begin);
      }
    }
  }

  const summary = configs.map((config) => ({
    name: config.name,
    framework: config.framework,
    calls: config.samples.length,
    medianMicros: 1000 * quantile(config.samples, 0.5),
    p99Micros: 1000 * quantile(config.samples, 0.99),
    meanMicros: 1000 * mean(config.samples),
    callsPerSecond: 1000 / mean(config.samples),
  }));
  const [latheText, latheJson, axMiss, latheHit, axHit] = summary;
  const ratio = (
    ax: (typeof summary)[number],
    lathe: (typeof summary)[number],
    key: "medianMicros" | "p99Micros",
  ) => ax[key] / lathe[key];
  const table = markdownTable(
    ["configuration", "median µs ", "p99 µs ", "mean µs ", "calls/s "],
    summary.map((row) => [
      row.name,
      fixed(row.medianMicros, 1),
      fixed(row.p99Micros, 1),
      fixed(row.meanMicros, 1),
      fixed(row.callsPerSecond, 0),
    ]),
  );
  const ratios = markdownTable(
    ["comparison", "median ratio (Ax ÷ Lathe) ", "p99 ratio (Ax ÷ Lathe) "],
    [
      [
        "cache miss: Ax vs Lathe text format",
        fixed(ratio(axMiss!, latheText!, "medianMicros")),
        fixed(ratio(axMiss!, latheText!, "p99Micros")),
      ],
      [
        "cache miss: Ax vs Lathe structured outputs",
        fixed(ratio(axMiss!, latheJson!, "medianMicros")),
        fixed(ratio(axMiss!, latheJson!, "p99Micros")),
      ],
      [
        "cache hit: Ax vs Lathe",
        fixed(ratio(axHit!, latheHit!, "medianMicros")),
        fixed(ratio(axHit!, latheHit!, "p99Micros")),
      ],
    ],
  );
  const markdown = [
    `Per-call framework overhead: signature \`ticket → queue (enum), urgent (boolean)\` with 4 demos, an instant in-process model, ${summary[0]!.calls} timed sequential calls per configuration after ${warmup} warm-up calls, interleaved in ${rounds} rounds. A cache miss is the full path (format, cache lookup, call, parse, validate, trace, cache store); every input is new. A cache hit repeats one input.`,
    "",
    table,
    "",
    ratios,
    "",
    "Lathe: `Predict` inside `traced()` with a `MemoryCache` (content-addressed key over the whole request). Ax: `AxGen.forward` with `AxMockAIService` (Ax's published instant mock) and a Map behind Ax's `cachingFunction` hook (keyed on the inputs); Ax records its trace on every call. A ratio above 1 means Lathe is faster.",
  ].join("\n");
  return {
    id: "overhead",
    title: "1. Overhead per call",
    markdown,
    json: { options: { calls, warmup, rounds }, results: summary },
    seconds: (performance.now() - started) / 1000,
  };
}
