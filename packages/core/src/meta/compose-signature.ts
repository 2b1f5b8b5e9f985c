import type { z } from "zod";
import type { Field } from "../signatures/field.js";
import { Signature } from "../signatures/signature.js";

/** A field added by a meta module. */
export function metaField(name: string, schema: z.ZodType, description: string): Field {
  return { name, schema, description };
}

/**
 * A module's inner signature, built from the user's fields plus the ones the module adds.
 * A clash between the two gets an error that says what to rename.
 */
export function composeSignature<I extends object, O extends object>(
  owner: string,
  instructions: string,
  inputs: readonly Field[],
  outputs: readonly Field[],
): Signature<I, O> {
  const seen = new Set<string>();
  for (const field of [...inputs, ...outputs]) {
    if (seen.has(field.name)) {
      throw new TypeError(
        `${owner} adds a field named '${field.name}', but the signature already has one; rename that field`,
      );
    }
    seen.add(field.name);
  }
  return new Signature<I, O>(instructions, inputs, outputs);
}
