import { z } from "zod";
import { effectiveInstructions } from "../adapters/render.js";
import type { AnySignature, InferInputs, InferOutputs, Signature } from "../signatures/signature.js";
import { composeSignature, metaField } from "./compose-signature.js";
import type { Simplify } from "./simplify.js";

export type ComparisonOutputs<S extends AnySignature> = Simplify<{ rationale: string } & InferOutputs<S>>;
export type ComparisonInputs<S extends AnySignature> = Simplify<
  InferInputs<S> & { readonly [field: `reasoning_attempt_${number}`]: string }
>;
export type ComparisonSignature<S extends AnySignature> = Signature<
  ComparisonInputs<S>,
  ComparisonOutputs<S>
>;

/** The name of the input field holding attempt `index` (0-based) for the comparer. */
export function attemptField(index: number): `reasoning_attempt_${number}` {
  return `reasoning_attempt_${index + 1}`;
}

/** The task's inputs plus `m` attempts, to the task's outputs preceded by a corrected `rationale`. */
export function comparisonSignature<S extends AnySignature>(signature: S, m: number): ComparisonSignature<S> {
  const instructions = [
    effectiveInstructions(signature, undefined),
    "",
    `You are given ${m} independent attempts at this task, each with its reasoning and prediction.`,
    "Compare them holistically: where they agree, where they differ, and which steps are wrong.",
    "Then write a corrected `rationale` and the final outputs; do not simply take a majority vote.",
  ].join("\n");
  const attempts = Array.from({ length: m }, (_, index) =>
    metaField(attemptField(index), z.string(), `attempt ${index + 1}: its reasoning and prediction`),
  );
  return composeSignature(
    "MultiChainComparison",
    instructions,
    [...signature.inputFields, ...attempts],
    [
      metaField("rationale", z.string(), "the comparison of the attempts and the corrected reasoning"),
      ...signature.outputFields,
    ],
  );
}
