export { ArtifactError, type ArtifactProblem } from "./artifact-error.js";
export {
  ARTIFACT_FORMAT,
  type Artifact,
  type ArtifactFieldInfo,
  type ArtifactPredictor,
  type ArtifactScore,
  artifactSchema,
} from "./artifact-schema.js";
export { artifactSettings } from "./artifact-settings.js";
export { artifactContentHash } from "./content-hash.js";
export { artifactState, loadArtifact, parseArtifact, saveArtifact } from "./load-artifact.js";
export { describeFields, programFingerprint } from "./program-fingerprint.js";
export { verifyArtifactFits } from "./verify-artifact.js";
