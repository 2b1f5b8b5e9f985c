import { type Artifact, canonicalJson } from "@lathe/core";
import { modelString } from "../io/format.js";
import { type DiffLine, diffLines } from "./diff-lines.js";

type Demo = Record<string, unknown>;

export interface PredictorDiff {
  readonly path: string;
  /** Present in only one artifact. */
  readonly only?: "a" | "b";
  readonly signatureChanged: boolean;
  readonly instructions: readonly DiffLine[] | null;
  readonly demosAdded: readonly Demo[];
  readonly demosRemoved: readonly Demo[];
  readonly demosKept: number;
}

export interface ArtifactDiff {
  readonly same: boolean;
  readonly changes: ReadonlyArray<{ field: string; a: string; b: string }>;
  readonly scores: {
    readonly baseline: { a: number; b: number; delta: number };
    readonly final: { a: number; b: number; delta: number };
  };
  readonly predictors: readonly PredictorDiff[];
}

/** What differs between two artifacts: settings, scores, and per predictor instructions and demos. */
export function diffArtifacts(a: Artifact, b: Artifact): ArtifactDiff {
  const settings: Array<[string, (artifact: Artifact) => string]> = [
    ["program", (artifact) => artifact.program.name],
    ["program fingerprint", (artifact) => artifact.program.fingerprint],
    ["model", (artifact) => modelString(artifact.target)],
    ["adapter", (artifact) => artifact.target.adapter ?? "auto"],
    ["temperature", (artifact) => String(artifact.target.sampling.temperature)],
    ["optimizer", (artifact) => artifact.compile.optimizer],
    ["optimizer config", (artifact) => canonicalJson(artifact.compile.config)],
    ["teacher", (artifact) => (artifact.compile.teacher ? modelString(artifact.compile.teacher) : "none")],
    ["seed", (artifact) => String(artifact.compile.seed)],
    ["metric", (artifact) => artifact.compile.metric],
    [
      "trainset",
      (artifact) => `${artifact.compile.trainset.size} (${artifact.compile.trainset.hash.slice(0, 12)})`,
    ],
    [
      "valset",
      (artifact) => `${artifact.compile.valset.size} (${artifact.compile.valset.hash.slice(0, 12)})`,
    ],
  ];
  const changes = settings
    .map(([field, read]) => ({ field, a: read(a), b: read(b) }))
    .filter((change) => change.a !== change.b);
  const paths = [...new Set([...Object.keys(a.predictors), ...Object.keys(b.predictors)])];
  const predictors = paths.map((path) => diffPredictor(path, a, b));
  const score = (read: (artifact: Artifact) => number) => ({
    a: read(a),
    b: read(b),
    delta: read(b) - read(a),
  });
  const predictorsSame = predictors.every(
    (predictor) =>
      !predictor.only &&
      !predictor.signatureChanged &&
      predictor.instructions === null &&
      predictor.demosAdded.length === 0 &&
      predictor.demosRemoved.length === 0,
  );
  return {
    same: changes.length === 0 && predictorsSame && a.contentHash === b.contentHash,
    changes,
    scores: {
      baseline: score((artifact) => artifact.compile.baseline.mean),
      final: score((artifact) => artifact.compile.final.mean),
    },
    predictors,
  };
}

function diffPredictor(path: string, a: Artifact, b: Artifact): PredictorDiff {
  const before = a.predictors[path];
  const after = b.predictors[path];
  if (!before || !after) {
    const present = (before ?? after)!;
    return {
      path,
      only: before ? "a" : "b",
      signatureChanged: false,
      instructions: null,
      demosAdded: before ? [] : present.demos,
      demosRemoved: before ? present.demos : [],
      demosKept: 0,
    };
  }
  const keys = (demos: readonly Demo[]) => demos.map((demo) => canonicalJson(demo));
  const beforeKeys = keys(before.demos);
  const afterKeys = keys(after.demos);
  return {
    path,
    signatureChanged: before.signatureFingerprint !== after.signatureFingerprint,
    instructions:
      before.instructions === after.instructions ? null : diffLines(before.instructions, after.instructions),
    demosAdded: after.demos.filter((_, index) => !beforeKeys.includes(afterKeys[index]!)),
    demosRemoved: before.demos.filter((_, index) => !afterKeys.includes(beforeKeys[index]!)),
    demosKept: after.demos.filter((_, index) => beforeKeys.includes(afterKeys[index]!)).length,
  };
}
