import { relative } from "node:path";
import type { UsageTotals } from "@lathe/core";
import { formatDelta, formatScore, modelString, rows } from "../io/format.js";
import type { Output } from "../io/output.js";
import type { CompileRunResult } from "./compile-run.js";

/** The machine-readable summary of a compile (`--json`). */
export function compileJson(result: CompileRunResult) {
  const { artifact, report } = result;
  return {
    artifact: result.files.artifact,
    report: { markdown: result.files.markdown, html: result.files.html },
    module: result.files.module ?? null,
    program: artifact.program.name,
    optimizer: artifact.compile.optimizer,
    model: modelString(artifact.target),
    teacher: artifact.compile.teacher ? modelString(artifact.compile.teacher) : null,
    seed: artifact.compile.seed,
    baseline: report.baseline,
    final: report.final,
    improvement: report.improvement,
    candidates: report.candidates.length,
    usage: { total: report.usage.total, byRole: report.usage.byRole },
    resumed: result.resumed,
    stoppedByBudget: report.stoppedByBudget,
    notes: report.notes,
    contentHash: artifact.contentHash,
    durationMs: Math.round(report.durationMs),
  };
}

/** The human-readable summary: scores, calls, files. */
export function printCompileSummary(
  result: CompileRunResult,
  output: Output,
  cwd: string,
  title: string,
): void {
  const { artifact, report } = result;
  const shown = (path: string) => {
    const nearby = relative(cwd, path);
    return nearby === "" || nearby.startsWith("..") ? path : nearby;
  };
  output.line(
    `${title} ${artifact.program.name} with ${artifact.compile.optimizer} for ${modelString(artifact.target)} in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  output.line(
    rows([
      ["baseline", formatScore(report.baseline)],
      ["final", formatScore(report.final)],
      ["improvement", `${formatDelta(report.improvement)} (paired, same examples)`],
      ["candidates", String(report.candidates.length)],
      ["LM calls", usageText(report.usage.total)],
      ["artifact", shown(result.files.artifact)],
      ["report", `${shown(result.files.html)} (and .md)`],
      ...(result.files.module ? [["module", shown(result.files.module)] as const] : []),
    ]).join("\n"),
  );
  for (const note of report.notes) output.line(`  note: ${note}`);
}

export function usageText(totals: UsageTotals): string {
  const cost = totals.costUsd > 0 ? `, ~$${totals.costUsd.toFixed(4)}` : "";
  return `${totals.calls} new, ${totals.cacheHits} from cache${cost}`;
}
