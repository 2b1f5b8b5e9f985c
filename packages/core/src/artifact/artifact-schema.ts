import { z } from "zod";

export const ARTIFACT_FORMAT = "lathe.artifact/v1";

const json: z.ZodType<unknown> = z.unknown();

const fieldInfo = z.object({
  name: z.string(),
  /** The field's JSON Schema (structure used for drift checks). */
  schema: z.record(z.string(), json),
  description: z.string().optional(),
});

const score = z.object({
  mean: z.number(),
  ci: z.object({ low: z.number(), high: z.number() }),
  count: z.number().int().nonnegative(),
});

/** Usage as if uncached, so a warm re-run writes the same artifact as the cold run. */
const logicalUsage = z.object({
  requests: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  costUsd: z.number(),
});

const modelRef = z.object({ provider: z.string(), modelId: z.string() });

export const artifactSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  program: z.object({ name: z.string(), fingerprint: z.string() }),
  predictors: z.record(
    z.string(),
    z.object({
      signatureFingerprint: z.string(),
      fields: z.object({ inputs: z.array(fieldInfo), outputs: z.array(fieldInfo) }),
      instructions: z.string(),
      demos: z.array(z.record(z.string(), json)),
    }),
  ),
  target: modelRef.extend({
    adapter: z.enum(["json", "chat"]).optional(),
    sampling: z.object({ temperature: z.number(), maxTokens: z.number().optional() }),
  }),
  compile: z.object({
    optimizer: z.string(),
    config: z.record(z.string(), json),
    seed: z.number(),
    teacher: modelRef.nullable(),
    trainset: z.object({ size: z.number(), hash: z.string() }),
    valset: z.object({ size: z.number(), hash: z.string() }),
    metric: z.string(),
    baseline: score,
    final: score,
    /** Scores on held-out examples no optimizer saw, when a testset was given. */
    heldOut: z.object({ size: z.number(), hash: z.string(), baseline: score, final: score }).optional(),
    usage: z.object({ total: logicalUsage, byRole: z.record(z.string(), logicalUsage) }),
    notes: z.array(z.string()),
    versions: z.object({ lathe: z.string(), node: z.string() }),
    /** Left out of the content hash, like createdAt. */
    durationMs: z.number(),
  }),
  createdAt: z.string(),
  contentHash: z.string(),
});

export type Artifact = z.infer<typeof artifactSchema>;
export type ArtifactPredictor = Artifact["predictors"][string];
export type ArtifactFieldInfo = z.infer<typeof fieldInfo>;
export type ArtifactScore = z.infer<typeof score>;
