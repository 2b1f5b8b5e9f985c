import type { Field } from "../signatures/field.js";
import { fieldDescription } from "../signatures/field.js";
import { fieldJsonSchema } from "../signatures/json-schema.js";
import type { AnySignature } from "../signatures/signature.js";
import { hashValue } from "../util/hash.js";
import type { ArtifactFieldInfo } from "./artifact-schema.js";

/** Hash of every predictor path with its signature fingerprint. */
export function programFingerprint(
  predictors: ReadonlyArray<readonly [string, { signature: AnySignature }]>,
): string {
  return hashValue(
    [...predictors]
      .map(([path, predictor]) => [path, predictor.signature.fingerprint])
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
}

export function describeFields(fields: readonly Field[]): ArtifactFieldInfo[] {
  return fields.map((field) => {
    const description = fieldDescription(field);
    return {
      name: field.name,
      schema: fieldJsonSchema(field.schema),
      ...(description ? { description } : {}),
    };
  });
}
