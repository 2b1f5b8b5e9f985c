import type { Artifact } from "@lathe/core";
import { formatScore, modelString, rows } from "../io/format.js";
import { signatureText } from "./field-text.js";

/** The artifact as `lathe inspect --json` prints it: everything but the demos' contents. */
export function artifactSummary(artifact: Artifact) {
  const { compile } = artifact;
  return {
    format: artifact.format,
    contentHash: artifact.contentHash,
    program: artifact.program,
    target: artifact.target,
    compile: {
      optimizer: compile.optimizer,
      config: compile.config,
      seed: compile.seed,
      teacher: compile.teacher,
      metric: compile.metric,
      trainset: compile.trainset,
      valset: compile.valset,
      baseline: compile.baseline,
      final: compile.final,
      usage: compile.usage,
      notes: compile.notes,
      versions: compile.versions,
      durationMs: compile.durationMs,
    },
    createdAt: artifact.createdAt,
    predictors: Object.entries(artifact.predictors).map(([path, predictor]) => ({
      path,
      signature: signatureText(predictor.fields),
      instructions: predictor.instructions,
      demos: predictor.demos.length,
    })),
  };
}

/** The artifact in human-readable lines. */
export function artifactSummaryLines(artifact: Artifact, file: string): string[] {
  const { compile, target } = artifact;
  const byRole = Object.entries(compile.usage.byRole)
    .map(([role, usage]) => `${role} ${usage.requests}`)
    .join(", ");
  const lines = [
    `Artifact ${file}`,
    ...rows([
      ["format", `${artifact.format}, content hash ${artifact.contentHash.slice(0, 16)} (verified)`],
      ["program", `${artifact.program.name} (fingerprint ${artifact.program.fingerprint.slice(0, 12)})`],
      [
        "model",
        `${modelString(target)} (adapter ${target.adapter ?? "auto"}, temperature ${target.sampling.temperature})`,
      ],
      ["optimizer", `${compile.optimizer} ${JSON.stringify(compile.config)}`],
      ["teacher", compile.teacher ? modelString(compile.teacher) : "none (the student)"],
      ["seed", String(compile.seed)],
      ["metric", compile.metric],
      [
        "data",
        `${compile.trainset.size} train (${compile.trainset.hash.slice(0, 12)}), ${compile.valset.size} validation (${compile.valset.hash.slice(0, 12)})`,
      ],
      ["baseline", formatScore(compile.baseline)],
      ["final", formatScore(compile.final)],
      [
        "LM requests",
        `${compile.usage.total.requests}${byRole ? ` (${byRole})` : ""}, ~$${compile.usage.total.costUsd.toFixed(4)}`,
      ],
      [
        "compiled",
        `${artifact.createdAt} in ${(compile.durationMs / 1000).toFixed(1)} s, lathe ${compile.versions.lathe}, node ${compile.versions.node}`,
      ],
    ]),
    ...compile.notes.map((note) => `  note: ${note}`),
    "",
    "Predictors",
  ];
  for (const [path, predictor] of Object.entries(artifact.predictors)) {
    lines.push(`  ${path}  ${signatureText(predictor.fields)}  (${predictor.demos.length} demos)`);
    lines.push(...predictor.instructions.split("\n").map((line) => `    | ${line}`));
  }
  return lines;
}
