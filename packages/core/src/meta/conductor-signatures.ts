import { z } from "zod";
import { effectiveInstructions } from "../adapters/render.js";
import type { AnySignature, InferInputs, InferOutputs, Signature } from "../signatures/signature.js";
import { composeSignature, metaField } from "./compose-signature.js";
import type { Simplify } from "./simplify.js";

export type TranscriptInputs<S extends AnySignature> = Simplify<InferInputs<S> & { transcript: string }>;
export interface ConductorTurn {
  thought: string;
  next_action: "consult_expert" | "final_answer";
  expert?: string | undefined;
  instructions?: string | undefined;
}
export interface ExpertInputs {
  expert: string;
  instructions: string;
}
export interface ExpertOutputs {
  response: string;
}
export type ConductorSignature<S extends AnySignature> = Signature<TranscriptInputs<S>, ConductorTurn>;
export type ExpertSignature = Signature<ExpertInputs, ExpertOutputs>;
export type FinalizeSignature<S extends AnySignature> = Signature<TranscriptInputs<S>, InferOutputs<S>>;

const transcriptField = metaField(
  "transcript",
  z.string(),
  "the work so far: the conductor's thoughts, the instructions it gave each expert and their answers",
);

/** The conductor: plans, delegates one sub-task at a time to a named expert, and verifies. */
export function conductorSignature<S extends AnySignature>(signature: S): ConductorSignature<S> {
  const instructions = [
    `The task: ${effectiveInstructions(signature, undefined)}`,
    "",
    "You are the conductor. Break the task into smaller pieces and hand them, one at a time, to experts:",
    "instances of a model that see nothing but the instructions you write for them (not the task,",
    "not the transcript), so those instructions must be complete and self-contained. Give each expert",
    "a fitting identity (e.g. 'Expert Mathematician'). Check the experts' answers critically, and",
    "consult another expert to verify when unsure. When the transcript holds a verified answer,",
    "choose final_answer.",
  ].join("\n");
  return composeSignature(
    "Conductor",
    instructions,
    [...signature.inputFields, transcriptField],
    [
      metaField("thought", z.string(), "your plan, or your check of the latest expert answer"),
      metaField("next_action", z.enum(["consult_expert", "final_answer"]), "consult an expert, or finish"),
      metaField("expert", z.string().optional(), "who to consult (consult_expert only)"),
      metaField(
        "instructions",
        z.string().optional(),
        "complete, self-contained instructions for the expert (consult_expert only)",
      ),
    ],
  );
}

/** An expert: its identity and its whole instruction arrive at run time as input fields. */
export function expertSignature(): ExpertSignature {
  return composeSignature(
    "Conductor",
    "You are the expert named in `expert`, consulted on one part of a larger task. Follow `instructions` exactly; they are all you know about the task. Answer precisely and concisely.",
    [metaField("expert", z.string(), "who you are"), metaField("instructions", z.string(), "what to do")],
    [metaField("response", z.string(), "your answer")],
  );
}

/** The final step: the task's outputs, from the conductor's transcript. */
export function finalizeSignature<S extends AnySignature>(signature: S): FinalizeSignature<S> {
  const instructions = [
    effectiveInstructions(signature, undefined),
    "",
    "A conductor has worked on this task with experts; `transcript` holds their exchange.",
    "Check the experts' answers against each other and against the task, then give the final outputs.",
  ].join("\n");
  return composeSignature(
    "Conductor",
    instructions,
    [...signature.inputFields, transcriptField],
    signature.outputFields,
  );
}
