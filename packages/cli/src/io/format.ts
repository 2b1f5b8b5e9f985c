import type { ArtifactScore } from "@lathe/core";

/** `0.812 [0.741, 0.883] n=40` */
export function formatScore(score: ArtifactScore): string {
  return `${fixed(score.mean)} [95% CI ${fixed(score.ci.low)}, ${fixed(score.ci.high)}] n=${score.count}`;
}

/** `+0.125 [95% CI +0.050, +0.200]` */
export function formatDelta(delta: { mean: number; ci: { low: number; high: number } }): string {
  return `${signed(delta.mean)} [95% CI ${signed(delta.ci.low)}, ${signed(delta.ci.high)}]`;
}

export function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : "n/a";
}

export function signed(value: number): string {
  return Number.isFinite(value) ? `${value >= 0 ? "+" : ""}${value.toFixed(3)}` : "n/a";
}

export function modelString(model: { provider: string; modelId: string }): string {
  return `${model.provider}/${model.modelId}`;
}

/** Aligned `label  value` rows. */
export function rows(entries: ReadonlyArray<readonly [string, string]>, indent = "  "): string[] {
  const width = Math.max(0, ...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}
