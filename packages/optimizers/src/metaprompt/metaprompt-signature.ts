import { signature } from "@lathe/core";
import { z } from "zod";

/** What the teacher is asked for in a MetaPrompt round: a diagnosis and a whole rewrite. */
export const MetaPromptSignature = signature(
  [
    "You improve the instructions of one step of an LLM program.",
    "Study the failing examples: compare each step output with the EXPECTED output and read the feedback.",
    "State a hypothesis about what the current instructions miss, then rewrite the whole instruction so the step handles these cases, keeping every rule that already works.",
    "Keep every backticked field reference such as `field_name` exactly as written.",
    "Do not repeat an attempt that the history marks REJECTED.",
  ].join(" "),
)
  .input("task_description", z.string(), "what the program is for")
  .input("step", z.string(), "the step whose instructions you rewrite: its path and fields")
  .input("current_instructions", z.string(), "the step's instructions now")
  .input(
    "failures",
    z.string(),
    "examples the program got wrong, with inputs, outputs, EXPECTED outputs and feedback",
  )
  .input("history", z.string(), "earlier attempts with their scores, ACCEPTED or REJECTED")
  .output("hypothesis", z.string(), "what the current instructions get wrong, and why")
  .output("improved_instructions", z.string(), "the complete rewritten instructions for the step");
