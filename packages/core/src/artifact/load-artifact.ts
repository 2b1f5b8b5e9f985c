import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../util/atomic-write.js";
import { ArtifactError } from "./artifact-error.js";
import { ARTIFACT_FORMAT, type Artifact, artifactSchema } from "./artifact-schema.js";
import { artifactContentHash } from "./content-hash.js";

/**
 * Validates an artifact (already parsed JSON, or its text): the format version, the shape,
 * and the content hash. Never evaluates code.
 */
export function parseArtifact(input: unknown): Artifact {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ArtifactError(
        "malformed",
        `the artifact is not valid JSON (${(error as Error).message}); was it truncated?`,
      );
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ArtifactError("malformed", "the artifact must be a JSON object");
  }
  const format = (value as { format?: unknown }).format;
  if (format !== ARTIFACT_FORMAT) {
    throw new ArtifactError(
      "version",
      `unsupported artifact format ${JSON.stringify(format)}; this version of Lathe reads ${ARTIFACT_FORMAT}: recompile, or load it with the Lathe version that wrote it`,
    );
  }
  const parsed = artifactSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArtifactError(
      "malformed",
      `the artifact is malformed at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  if (artifactContentHash(parsed.data) !== parsed.data.contentHash) {
    throw new ArtifactError(
      "tampered",
      "the artifact's content hash does not match its content: it was altered after compiling; recompile it",
    );
  }
  return parsed.data;
}

/** Reads and validates an artifact file. */
export async function loadArtifact(path: string): Promise<Artifact> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ArtifactError("unreadable", `cannot read artifact ${path} (${(error as Error).message})`);
  }
  return parseArtifact(text);
}

/** Writes an artifact atomically, as stable pretty-printed JSON. */
export async function saveArtifact(path: string, artifact: Artifact): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(artifact, null, 2)}\n`);
}

/** The program state held by an artifact. */
export function artifactState(
  artifact: Artifact,
): Record<string, { instructions: string; demos: Record<string, unknown>[] }> {
  return Object.fromEntries(
    Object.entries(artifact.predictors).map(([path, predictor]) => [
      path,
      { instructions: predictor.instructions, demos: predictor.demos },
    ]),
  );
}
