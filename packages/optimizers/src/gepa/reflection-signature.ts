import { signature } from "@lathe/core";
import { z } from "zod";

/** GEPA's reflection: read the instruction and how it did on a few examples, write a better one. */
export const ReflectionSignature = signature(
  [
    "I gave an assistant the instruction below for one step of a task, and show you examples of its inputs, its outputs and feedback on each (or the score and the EXPECTED output).",
    "Write a new instruction for the assistant.",
    "Read the inputs carefully to infer the input format and a detailed description of the task.",
    "Read every output and its feedback; identify all niche and domain-specific facts and rules the examples reveal and state them in the instruction, since the assistant will not see these examples again.",
    "Keep what the current instruction already gets right, and keep every backticked field reference such as `field_name` exactly as written.",
  ].join(" "),
)
  .input("current_instruction", z.string(), "the step's instruction now")
  .input(
    "examples_with_feedback",
    z.string(),
    "inputs, outputs and feedback (or EXPECTED outputs) per example",
  )
  .output("new_instruction", z.string(), "the complete new instruction");
