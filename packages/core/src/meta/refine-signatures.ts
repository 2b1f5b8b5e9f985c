import { z } from "zod";
import { effectiveInstructions } from "../adapters/render.js";
import type { AnySignature, InferInputs, InferOutputs, Signature } from "../signatures/signature.js";
import { composeSignature, metaField } from "./compose-signature.js";
import type { Simplify } from "./simplify.js";

export type CriticInputs<S extends AnySignature> = Simplify<
  InferInputs<S> & { draft: string; reward?: number | undefined }
>;
export interface CriticOutputs {
  critique: string;
  score: number;
}
export type RewriteInputs<S extends AnySignature> = Simplify<
  InferInputs<S> & { draft: string; feedback: string }
>;

export type CriticSignature<S extends AnySignature> = Signature<CriticInputs<S>, CriticOutputs>;
export type RewriteSignature<S extends AnySignature> = Signature<RewriteInputs<S>, InferOutputs<S>>;

function draftField(signature: AnySignature, role: string) {
  const names = signature.outputFields.map((field) => `\`${field.name}\``).join(", ");
  return metaField("draft", z.string(), `${role}: its output fields ${names}, one per line`);
}

/** The critic: judges a draft against the task's own instructions and writes actionable feedback. */
export function criticSignature<S extends AnySignature>(signature: S): CriticSignature<S> {
  const instructions = [
    "You review a draft written for the task below. Judge it strictly against what the task asks:",
    "name every error, omission or violated constraint, and say concretely how to fix each one.",
    "Do not rewrite the draft yourself. If an automatic `reward` is given, explain what lowers it.",
    "",
    `The task: ${effectiveInstructions(signature, undefined)}`,
  ].join("\n");
  return composeSignature(
    "Refine",
    instructions,
    [
      ...signature.inputFields,
      draftField(signature, "the draft to review"),
      metaField(
        "reward",
        z.number().optional(),
        "the score an automatic check gave the draft (higher is better)",
      ),
    ],
    [
      metaField("critique", z.string(), "what is wrong or missing, and how to fix it"),
      metaField(
        "score",
        z.number().min(0).max(1),
        "how well the draft does the task, from 0 (useless) to 1 (perfect)",
      ),
    ],
  );
}

/** The rewrite: the task itself, plus the previous draft and the critique to act on. */
export function rewriteSignature<S extends AnySignature>(signature: S): RewriteSignature<S> {
  const instructions = [
    effectiveInstructions(signature, undefined),
    "",
    "This is a revision: `draft` is an earlier attempt and `feedback` a reviewer's critique of it.",
    "Write a better version that fixes every problem the feedback names and keeps what was right.",
  ].join("\n");
  return composeSignature(
    "Refine",
    instructions,
    [
      ...signature.inputFields,
      draftField(signature, "the earlier attempt"),
      metaField("feedback", z.string(), "the critique of the draft to act on"),
    ],
    signature.outputFields,
  );
}
