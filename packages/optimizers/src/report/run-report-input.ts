import type { Artifact, ArtifactScore } from "@lathe/core";
import type { CompileReport } from "../compile/compile-report.js";

/** What a run report is rendered from: the frozen artifact and the compile's report. */
export interface RunReportInput {
  readonly artifact: Artifact;
  readonly report: CompileReport;
}

/** `0.812 (95% CI 0.741–0.883, n=40)` */
export function formatScore(score: ArtifactScore): string {
  return `${formatNumber(score.mean)} (95% CI ${formatNumber(score.ci.low)}–${formatNumber(score.ci.high)}, n=${score.count})`;
}

export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** `+0.125 (95% CI +0.050 to +0.200)` */
export function formatDelta(delta: { mean: number; ci: { low: number; high: number } }): string {
  const signed = (value: number) =>
    Number.isFinite(value) ? `${value >= 0 ? "+" : ""}${value.toFixed(3)}` : "n/a";
  return `${signed(delta.mean)} (95% CI ${signed(delta.ci.low)} to ${signed(delta.ci.high)})`;
}

export function modelName(model: { provider: string; modelId: string } | null): string {
  return model ? `${model.provider}/${model.modelId}` : "same as the student";
}

export function formatUsd(value: number): string {
  return `$${value < 0.01 && value > 0 ? value.toFixed(6) : value.toFixed(4)}`;
}

export function demoCountText(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 1) return String(entries[0]![1]);
  return entries.map(([path, count]) => `${path}: ${count}`).join(", ");
}
