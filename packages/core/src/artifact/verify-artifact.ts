import type { Predictor } from "../modules/predictor.js";
import { stripAnnotations } from "../signatures/json-schema.js";
import { canonicalJson } from "../util/canonical-json.js";
import { ArtifactError } from "./artifact-error.js";
import type { Artifact, ArtifactFieldInfo } from "./artifact-schema.js";
import { describeFields, programFingerprint } from "./program-fingerprint.js";

/**
 * Checks that `artifact` was compiled for this program: the same predictor paths, and for
 * each one the same signature structure. A mismatch names the predictor and the field.
 */
export function verifyArtifactFits(artifact: Artifact, predictors: ReadonlyArray<[string, Predictor]>): void {
  const program = new Map(predictors);
  for (const path of Object.keys(artifact.predictors)) {
    if (!program.has(path)) {
      throw drift(
        path,
        undefined,
        `the artifact has predictor '${path}' but the program does not (its predictors: ${[...program.keys()].join(", ")})`,
      );
    }
  }
  for (const [path, predictor] of program) {
    const saved = artifact.predictors[path];
    if (!saved)
      throw drift(
        path,
        undefined,
        `the program has predictor '${path}' but the artifact does not; recompile`,
      );
    if (saved.signatureFingerprint === predictor.signature.fingerprint) continue;
    compareFields(path, "input", saved.fields.inputs, describeFields(predictor.signature.inputFields));
    compareFields(path, "output", saved.fields.outputs, describeFields(predictor.signature.outputFields));
    throw drift(
      path,
      undefined,
      `the signature of predictor '${path}' changed since the artifact was compiled; recompile`,
    );
  }
  if (artifact.program.fingerprint !== programFingerprint(predictors)) {
    throw new ArtifactError(
      "drift",
      "the program's structure changed since the artifact was compiled; recompile",
    );
  }
}

function compareFields(
  path: string,
  role: "input" | "output",
  saved: readonly ArtifactFieldInfo[],
  current: readonly ArtifactFieldInfo[],
): void {
  const currentNames = current.map((field) => field.name);
  const savedNames = saved.map((field) => field.name);
  for (const field of saved) {
    if (!currentNames.includes(field.name)) {
      const added = currentNames.filter((name) => !savedNames.includes(name));
      const hint =
        added.length > 0
          ? ` (the program has ${added.map((name) => `'${name}'`).join(", ")} instead: renamed?)`
          : "";
      throw drift(
        path,
        field.name,
        `${role} field '${field.name}' of predictor '${path}' is no longer in the program${hint}; recompile`,
      );
    }
  }
  for (const field of current) {
    if (!savedNames.includes(field.name)) {
      throw drift(
        path,
        field.name,
        `${role} field '${field.name}' of predictor '${path}' is new since the artifact was compiled; recompile`,
      );
    }
  }
  for (const [index, field] of saved.entries()) {
    const now = current[index]!;
    if (now.name !== field.name) {
      throw drift(
        path,
        field.name,
        `the ${role} fields of predictor '${path}' were reordered ('${field.name}' is now '${now.name}' at position ${index + 1}); recompile`,
      );
    }
    if (canonicalJson(stripAnnotations(now.schema)) !== canonicalJson(stripAnnotations(field.schema))) {
      throw drift(
        path,
        field.name,
        `${role} field '${field.name}' of predictor '${path}' changed type; recompile`,
      );
    }
  }
}

function drift(predictor: string, field: string | undefined, message: string): ArtifactError {
  return new ArtifactError("drift", message, { predictor, ...(field ? { field } : {}) });
}
