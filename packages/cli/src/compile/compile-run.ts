import { resolve } from "node:path";
import {
  type Artifact,
  artifactContentHash,
  type BudgetLimits,
  DiskCache,
  datasetHash,
  type Example,
  hashValue,
  type LanguageModel,
  saveArtifact,
} from "@lathe/core";
import { type CompileReport, compile, emitModule, type Optimizer, writeRunReport } from "@lathe/optimizers";
import type { Output } from "../io/output.js";
import type { ResolvedMetric } from "../metrics/resolve-metric.js";
import type { LoadedProgram } from "../program/load-program.js";
import { RunMarker } from "./run-marker.js";

/** Everything a compile (or a retarget) needs, resolved from flags. */
export interface CompileRun {
  readonly loaded: LoadedProgram;
  readonly trainset: readonly Example[];
  readonly valset: readonly Example[] | undefined;
  readonly metric: ResolvedMetric;
  readonly optimizers: readonly Optimizer[];
  readonly lm: LanguageModel;
  readonly teacher: LanguageModel | undefined;
  readonly seed: number;
  readonly concurrency: number;
  readonly budget: BudgetLimits | undefined;
  /** The cache directory, or false for `--no-cache`. */
  readonly cacheDirectory: string | false;
  /** Absolute paths. */
  readonly out: string;
  readonly emitTs: string | undefined;
  /** Extra notes sealed into the artifact (e.g. a retarget's lineage). */
  readonly notes?: readonly string[];
}

export interface CompileRunResult {
  readonly artifact: Artifact;
  readonly report: CompileReport;
  readonly files: { artifact: string; markdown: string; html: string; module: string | undefined };
  /** Whether an interrupted run with the same settings was found (its calls replay from the cache). */
  readonly resumed: boolean;
}

/** Compiles with a progress bar, then writes the artifact, its run report and the optional TS module. */
export async function runCompile(run: CompileRun, output: Output): Promise<CompileRunResult> {
  const marker = run.cacheDirectory === false ? undefined : new RunMarker(run.cacheDirectory, runKey(run));
  const interruptedAt = await marker?.interrupted();
  if (interruptedAt) {
    output.note(
      `resuming an interrupted compile started ${interruptedAt}: completed LM calls replay from the cache`,
    );
  }
  await marker?.start({ program: run.loaded.name, out: run.out });
  const progress = output.progress();
  let result: Awaited<ReturnType<typeof compile>>;
  try {
    result = await compile(run.loaded.program, {
      optimizer: run.optimizers,
      trainset: run.trainset,
      ...(run.valset ? { valset: run.valset } : {}),
      metric: run.metric.metric,
      metricName: run.metric.name,
      lm: run.lm,
      ...(run.teacher ? { teacher: run.teacher } : {}),
      seed: run.seed,
      concurrency: run.concurrency,
      cache: run.cacheDirectory === false ? false : new DiskCache({ directory: run.cacheDirectory }),
      ...(run.budget ? { budget: run.budget } : {}),
      programName: run.loaded.name,
      onProgress: (event) => progress.update(event.phase, event.completed, event.total, event.message),
    });
  } finally {
    progress.done();
  }
  const artifact = withNotes(result.artifact, run.notes ?? []);
  const report = { ...result.report, notes: artifact.compile.notes };
  await saveArtifact(run.out, artifact);
  const reports = await writeRunReport(run.out, { artifact, report });
  if (run.emitTs) await emitModule(artifact, { outFile: run.emitTs, program: run.loaded.source });
  await marker?.finish();
  return {
    artifact,
    report,
    files: { artifact: run.out, markdown: reports.markdown, html: reports.html, module: run.emitTs },
    resumed: interruptedAt !== undefined,
  };
}

/** Re-seals the artifact with extra notes (its content hash covers them). */
function withNotes(artifact: Artifact, notes: readonly string[]): Artifact {
  if (notes.length === 0) return artifact;
  const { contentHash: _old, ...body } = {
    ...artifact,
    compile: { ...artifact.compile, notes: [...artifact.compile.notes, ...notes] },
  };
  return { ...body, contentHash: artifactContentHash(body) };
}

/** Identifies "the same compile": program, data, metric, optimizers, models, seed. */
function runKey(run: CompileRun): string {
  return hashValue({
    program: run.loaded.name,
    state: run.loaded.program.state(),
    trainset: datasetHash(run.trainset),
    valset: run.valset ? datasetHash(run.valset) : null,
    metric: run.metric.name,
    optimizers: run.optimizers.map((optimizer) => [optimizer.name, optimizer.config]),
    lm: [run.lm.provider, run.lm.modelId],
    teacher: run.teacher ? [run.teacher.provider, run.teacher.modelId] : null,
    seed: run.seed,
    out: resolve(run.out),
  }).slice(0, 32);
}
