// What every example's main.ts does after choosing a program, data, metric and optimizer:
// compile against the simulated model, print the uncompiled baseline beside the compiled score
// (validation and held-out test), save the artifact and load it back like production code.
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import {
  DiskCache,
  type Example,
  type LanguageModel,
  loadArtifact,
  type Metric,
  type Module,
  saveArtifact,
} from "@lathe/core";
import { type CompileResult, compile, type Optimizer } from "@lathe/optimizers";

export interface RunExampleOptions<P extends Module> {
  /** Folder name under `examples/`, used for the artifact path. */
  readonly name: string;
  readonly program: P;
  readonly optimizer: Optimizer | readonly Optimizer[];
  readonly trainset: readonly Example[];
  readonly valset: readonly Example[];
  /** Held-out examples scored once, after compiling (compile's `testset`: no optimizer sees them). */
  readonly testset: readonly Example[];
  // biome-ignore lint/suspicious/noExplicitAny: metrics are typed by each program's outputs
  readonly metric: Metric<any>;
  /** @default sim/small */
  readonly lm?: LanguageModel;
  /** @default sim/large */
  readonly teacher?: LanguageModel;
  /** @default 16 */
  readonly concurrency?: number;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const line = (label: string, score: { mean: number; ci: { low: number; high: number } }) =>
  `  ${label.padEnd(9)} ${percent(score.mean).padStart(6)}  (95% CI ${percent(score.ci.low)} – ${percent(score.ci.high)})`;

/** Compiles, reports and round-trips the artifact; returns the compile result for further use. */
export async function runExample<P extends Module>(options: RunExampleOptions<P>): Promise<CompileResult<P>> {
  const lm = options.lm ?? resolveModel("sim/small");
  const teacher = options.teacher ?? resolveModel("sim/large");
  const optimizers = Array.isArray(options.optimizer) ? options.optimizer : [options.optimizer];
  console.log(
    `Compiling ${options.name} with ${optimizers.map((optimizer) => optimizer.name).join(" → ")} for ${lm.provider}/${lm.modelId} (teacher ${teacher.provider}/${teacher.modelId}): ${options.trainset.length} train, ${options.valset.length} validation, ${options.testset.length} test examples`,
  );
  const cache = new DiskCache({ directory: join(".lathe", "cache") });
  const result = await compile(options.program, {
    optimizer: options.optimizer,
    trainset: options.trainset,
    valset: options.valset,
    testset: options.testset,
    metric: options.metric,
    lm,
    teacher,
    seed: 1,
    concurrency: options.concurrency ?? 16,
    cache,
  });
  const { report, artifact } = result;
  console.log(`\nValidation (${report.baseline.count} examples, metric ${artifact.compile.metric}):`);
  console.log(line("baseline", report.baseline));
  console.log(line("compiled", report.final));

  // The test split took no part in compiling: this is the number to quote.
  if (report.heldOut) {
    console.log(`Held-out test (${report.heldOut.size} examples):`);
    console.log(line("baseline", report.heldOut.baseline));
    console.log(line("compiled", report.heldOut.final));
  }
  const usage = report.usage.total;
  console.log(
    `LM calls: ${usage.calls} made, ${usage.cacheHits} from cache; compiled in ${(report.durationMs / 1000).toFixed(1)} s`,
  );

  const path = join(".lathe", "examples", options.name, "program.artifact.json");
  await saveArtifact(path, artifact);
  // Production: a fresh program configured from the artifact alone; loading verifies fingerprints.
  options.program.load(await loadArtifact(path));
  console.log(`Artifact: ${path} (content hash ${artifact.contentHash.slice(0, 12)})`);
  return result;
}
