import { signature } from "@lathe/core";
import { z } from "zod";

/** What the teacher is asked for in an OPRO step: one new instruction that should score higher. */
export const OPROSignature = signature(
  [
    "You optimize the instruction of one step of an LLM program.",
    "Below are earlier instructions with their scores, in ascending order: higher scores are better.",
    "Study what the best ones do and the example inputs with their correct outputs, then write a new instruction that differs from all of them and should score higher than every one.",
    "Keep every backticked field reference such as `field_name` exactly as written.",
  ].join(" "),
)
  .input("task_description", z.string(), "what the program is for")
  .input("step", z.string(), "the step whose instruction you write: its path and fields")
  .input("scored_instructions", z.string(), "earlier instructions with their scores, lowest first")
  .input("examples", z.string(), "example inputs with their correct outputs")
  .output("proposed_instruction", z.string(), "the new instruction, complete");
