import { hashValue } from "../util/hash.js";
import type { Artifact } from "./artifact-schema.js";

/**
 * Hash over the whole artifact except the hash itself and the two values that differ
 * between otherwise identical compiles: the creation time and the duration.
 */
export function artifactContentHash(artifact: Omit<Artifact, "contentHash"> | Artifact): string {
  const { contentHash: _hash, createdAt: _created, ...rest } = artifact as Artifact;
  const { durationMs: _duration, ...compile } = rest.compile;
  return hashValue({ ...rest, compile });
}
