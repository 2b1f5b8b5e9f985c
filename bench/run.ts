// Runs Lathe's benchmarks and writes Markdown tables and JSON under bench/results/.
//   pnpm bench                                  all four, offline, on the simulated model
//   pnpm bench --only overhead,quality          a subset (overhead, latency, quality, scaling)
//   pnpm bench --quick                          smaller sizes, for a fast check
//   OPENAI_API_KEY=... pnpm bench --lm openai/gpt-4o-mini --teacher openai/gpt-4o
//                                               latency and quality against a real provider
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { BenchResult } from "./src/bench-result.js";
import { runCompileLatency } from "./src/benchmarks/compile-latency.js";
import { runOverhead } from "./src/benchmarks/overhead.js";
import { runQuality } from "./src/benchmarks/quality.js";
import { runScaling } from "./src/benchmarks/scaling.js";
import { describeMachine, type MachineDescription, machineMarkdown } from "./src/machine.js";
import { type Provider, realProvider } from "./src/providers.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    lm: { type: "string" },
    teacher: { type: "string" },
    seeds: { type: "string" },
    latency: { type: "string" },
    out: { type: "string" },
  },
});

const all = ["overhead", "latency", "quality", "scaling"] as const;
type BenchId = (typeof all)[number];
const selected = (values.only?.split(",").map((name) => name.trim()) ?? [...all]) as BenchId[];
const unknown = selected.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Use: ${all.join(", ")}.`);
  process.exit(2);
}
const numbers = (text: string | undefined) => text?.split(",").map(Number);
const quick = values.quick ?? false;
const provider: Provider | undefined = values.lm
  ? realProvider({ student: values.lm, teacher: values.teacher ?? values.lm })
  : undefined;
const outDirectory =
  values.out ?? join(import.meta.dirname, "results", values.lm ? values.lm.replace(/[^\w.-]+/g, "_") : "");

// Ax's package.json is not in its exports map: read it next to its entry point.
const axEntry = createRequire(import.meta.url).resolve("@ax-llm/ax");
const axVersion = (
  JSON.parse(readFileSync(join(dirname(axEntry), "package.json"), "utf8")) as { version: string }
).version;
const machine = describeMachine(axVersion);
console.log(`Lathe benchmarks on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);

const runners: Record<BenchId, () => Promise<BenchResult>> = {
  overhead: () => runOverhead(quick ? { calls: 1000, warmup: 200 } : {}),
  latency: () =>
    runCompileLatency({
      latencies: numbers(values.latency) ?? (quick ? [50] : [25, 100, 400]),
      ...(provider ? { provider } : {}),
    }),
  quality: () =>
    runQuality({
      seeds: numbers(values.seeds) ?? (quick ? [1] : [1, 2, 3, 4, 5]),
      ...(quick ? { tasks: ["triage"] } : {}),
      ...(provider ? { provider, trainSize: 50, valSize: 50, testSize: 100, gepaBudget: 300 } : {}),
    }),
  scaling: () => runScaling(quick ? { trainSizes: [50, 500], concurrencies: [4, 16] } : {}),
};

await mkdir(outDirectory, { recursive: true });
const started = performance.now();
for (const id of selected) {
  if (id === "scaling" && provider) {
    console.log(
      "scaling: runs on the simulated model only (it needs an instant model and a controlled latency)",
    );
  }
  console.log(`${id}...`);
  const result = await runners[id]();
  const stored = { ...result, machine, quick, provider: provider?.label ?? "sim" };
  await writeFile(join(outDirectory, `${result.id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
  await writeFile(
    join(outDirectory, `${result.id}.md`),
    `## ${result.title}\n\n${result.markdown}\n\nRun in ${result.seconds.toFixed(0)} s on:\n\n${machineMarkdown(machine)}\n`,
  );
  console.log(`${id}: ${result.seconds.toFixed(1)} s\n`);
}
const totalSeconds = (performance.now() - started) / 1000;
await writeFile(
  join(outDirectory, "machine.json"),
  `${JSON.stringify({ ...machine, totalSeconds, selected }, null, 2)}\n`,
);
await writeSummary(outDirectory, machine, totalSeconds);
console.log(`Done in ${totalSeconds.toFixed(0)} s; results in ${outDirectory}`);

/** README.md in the results folder: every benchmark's tables found there, in order. */
async function writeSummary(directory: string, machine: MachineDescription, seconds: number) {
  const order = ["overhead", "compile-latency", "quality", "scaling"];
  const files = (await readdir(directory)).filter((file) => order.includes(file.replace(/\.json$/, "")));
  const results = await Promise.all(
    files.map(
      async (file) =>
        JSON.parse(await readFile(join(directory, file), "utf8")) as BenchResult & {
          machine: MachineDescription;
        },
    ),
  );
  results.sort((left, right) => order.indexOf(left.id) - order.indexOf(right.id));
  const body = results.map(
    (result) =>
      `## ${result.title}\n\n${result.markdown}\n\n_${result.seconds.toFixed(0)} s, ${result.machine.date}_`,
  );
  const text = [
    "# Benchmark results",
    "",
    `Produced by \`pnpm bench\` (see [../README.md](../README.md) for what each benchmark measures and how to reproduce it). The last run took ${seconds.toFixed(0)} s for: ${selected.join(", ")}.`,
    "",
    machineMarkdown(machine),
    "",
    ...body.flatMap((section) => [section, ""]),
  ].join("\n");
  await writeFile(join(directory, "README.md"), text);
}
