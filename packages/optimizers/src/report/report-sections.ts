import type { UsageTotals } from "@lathe/core";
import { type ReflectiveSections, reflectiveSections } from "./reflective-sections.js";
import {
  demoCountText,
  formatDelta,
  formatNumber,
  formatScore,
  formatUsd,
  modelName,
  type RunReportInput,
} from "./run-report-input.js";

/** The facts both renderers show, as label/value rows and tables of plain strings. */
export interface ReportSections {
  readonly title: string;
  readonly summary: ReadonlyArray<readonly [string, string]>;
  readonly scores: ReadonlyArray<readonly [string, string]>;
  readonly candidates: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly chosen: readonly boolean[];
  readonly usage: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly predictors: ReadonlyArray<{ path: string; instructions: string; demos: number }>;
  /** MetaPrompt's hypotheses and GEPA's lineage, when those optimizers ran. */
  readonly reflective: ReflectiveSections;
  readonly notes: readonly string[];
  readonly trajectory: readonly number[];
}

export function reportSections({ artifact, report }: RunReportInput): ReportSections {
  const { compile } = artifact;
  const target = artifact.target;
  return {
    title: `Lathe run report: ${artifact.program.name}`,
    summary: [
      ["Program", `${artifact.program.name} (${Object.keys(artifact.predictors).length} predictor(s))`],
      ["Optimizer", compile.optimizer],
      [
        "Model",
        `${target.provider}/${target.modelId} (adapter ${target.adapter ?? "auto"}, temperature ${target.sampling.temperature})`,
      ],
      ["Teacher", modelName(compile.teacher)],
      ["Metric", compile.metric],
      ["Seed", String(compile.seed)],
      ["Trainset", `${compile.trainset.size} examples (${compile.trainset.hash.slice(0, 12)})`],
      ["Valset", `${compile.valset.size} examples (${compile.valset.hash.slice(0, 12)})`],
      ["Duration", `${(report.durationMs / 1000).toFixed(1)} s`],
      ["Created", artifact.createdAt],
      ["Artifact", `${artifact.format}, content hash ${artifact.contentHash.slice(0, 16)}`],
    ],
    scores: [
      ["Baseline (uncompiled)", formatScore(report.baseline)],
      ["Final (compiled)", formatScore(report.final)],
      ["Improvement (paired)", formatDelta(report.improvement)],
    ],
    candidates: {
      header: ["#", "Candidate", "Kind", "Mean", "95% CI", "vs baseline", "Demos", "Note"],
      rows: report.candidates.map((candidate, index) => [
        String(index + 1),
        candidate.id,
        candidate.label,
        formatNumber(candidate.mean),
        `${formatNumber(candidate.ci.low)}–${formatNumber(candidate.ci.high)} (n=${candidate.count})`,
        candidate.vsBaseline ? formatDelta(candidate.vsBaseline) : "",
        demoCountText(candidate.demoCounts),
        `${candidate.chosen ? "chosen" : ""}${candidate.chosen && candidate.note ? "; " : ""}${candidate.note ?? ""}`,
      ]),
    },
    chosen: report.candidates.map((candidate) => candidate.chosen === true),
    usage: {
      header: [
        "Role",
        "Calls",
        "Cache hits",
        "Prompt tokens",
        "Completion tokens",
        "Cost",
        "Saved by cache",
        "Failures",
      ],
      rows: [
        ...Object.entries(report.usage.byRole).map(([role, totals]) => usageRow(role, totals)),
        usageRow("total", report.usage.total),
      ],
    },
    predictors: Object.entries(artifact.predictors).map(([path, predictor]) => ({
      path,
      instructions: predictor.instructions,
      demos: predictor.demos.length,
    })),
    reflective: reflectiveSections(report.details),
    notes: report.notes,
    trajectory: report.trajectory,
  };
}

function usageRow(role: string, totals: UsageTotals): string[] {
  return [
    role,
    String(totals.calls),
    String(totals.cacheHits),
    String(totals.promptTokens + totals.cachedPromptTokens),
    String(totals.completionTokens + totals.cachedCompletionTokens),
    formatUsd(totals.costUsd),
    formatUsd(totals.cachedCostUsd),
    String(totals.failures),
  ];
}
