import {
  ARTIFACT_FORMAT,
  type Artifact,
  type ArtifactScore,
  artifactContentHash,
  datasetHash,
  describeFields,
  type EvaluationResult,
  type Example,
  type LanguageModel,
  logicalUsage,
  type Module,
  type ProgramState,
  programFingerprint,
  type UsageSummary,
} from "@lathe/core";
import type { ScoredEvaluation } from "../shared/optimizer.js";
import { LATHE_VERSION } from "../version.js";

export interface ArtifactInput {
  readonly program: Module;
  readonly programName: string;
  readonly state: ProgramState;
  readonly lm: LanguageModel;
  readonly teacher: LanguageModel | undefined;
  readonly adapter: "json" | "chat";
  readonly sampling: { temperature: number; maxTokens?: number };
  readonly optimizer: string;
  readonly config: Record<string, unknown>;
  readonly seed: number;
  readonly trainset: readonly Example[];
  readonly valset: readonly Example[];
  readonly metric: string;
  readonly baseline: EvaluationResult;
  readonly final: ScoredEvaluation;
  readonly heldOut?: { examples: readonly Example[]; baseline: EvaluationResult; final: EvaluationResult };
  readonly usage: UsageSummary;
  readonly notes: readonly string[];
  readonly durationMs: number;
}

/** Assembles the frozen `lathe.artifact/v1` document and seals it with its content hash. */
export function buildArtifact(input: ArtifactInput): Artifact {
  const configured = input.program.withState(input.state);
  const predictors = configured.namedPredictors();
  const body: Omit<Artifact, "contentHash"> = {
    format: ARTIFACT_FORMAT,
    program: { name: input.programName, fingerprint: programFingerprint(predictors) },
    predictors: Object.fromEntries(
      predictors.map(([path, predictor]) => [
        path,
        {
          signatureFingerprint: predictor.signature.fingerprint,
          fields: {
            inputs: describeFields(predictor.signature.inputFields),
            outputs: describeFields(predictor.signature.outputFields),
          },
          instructions: predictor.instructions,
          demos: predictor.demos.map((demo) => ({ ...demo })),
        },
      ]),
    ),
    target: {
      provider: input.lm.provider,
      modelId: input.lm.modelId,
      adapter: input.adapter,
      sampling: input.sampling,
    },
    compile: {
      optimizer: input.optimizer,
      config: jsonOnly(input.config),
      seed: input.seed,
      teacher: input.teacher ? { provider: input.teacher.provider, modelId: input.teacher.modelId } : null,
      trainset: { size: input.trainset.length, hash: datasetHash(input.trainset) },
      valset: { size: input.valset.length, hash: datasetHash(input.valset) },
      metric: input.metric,
      baseline: score(input.baseline),
      final: score(input.final),
      ...(input.heldOut
        ? {
            heldOut: {
              size: input.heldOut.examples.length,
              hash: datasetHash(input.heldOut.examples),
              baseline: score(input.heldOut.baseline),
              final: score(input.heldOut.final),
            },
          }
        : {}),
      usage: {
        total: logicalUsage(input.usage.total),
        byRole: Object.fromEntries(
          Object.entries(input.usage.byRole).map(([role, totals]) => [role, logicalUsage(totals)]),
        ),
      },
      notes: [...input.notes],
      versions: { lathe: LATHE_VERSION, node: process.versions.node },
      durationMs: Math.round(input.durationMs),
    },
    createdAt: new Date().toISOString(),
  };
  return { ...body, contentHash: artifactContentHash(body) };
}

function score(evaluation: ScoredEvaluation): ArtifactScore {
  return { mean: evaluation.mean, ci: evaluation.ci, count: evaluation.count };
}

/** Config values as JSON (functions and class instances are named, never serialised). */
function jsonOnly(config: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(config, (_key, value) =>
      typeof value === "function" ? `[function ${value.name || "anonymous"}]` : value,
    ),
  );
}
