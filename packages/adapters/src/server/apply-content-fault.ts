import type { GenerateResult, Rng } from "@lathe/core";
import type { Fault } from "./fault.js";

const GARBAGE = ['"}{', "\\u00", "```json\n{", "<|im_end|>", "\u0000\u001a"] as const;

/** Rewrites a model's result for the faults that still answer 200: length, malformed, empty. */
export function applyContentFault(
  result: GenerateResult,
  fault: Fault | undefined,
  rng: Rng,
): GenerateResult {
  switch (fault?.kind) {
    case "length":
      return {
        ...result,
        choices: result.choices.map((choice) => ({
          text: choice.text.slice(0, Math.floor(choice.text.length / 2)),
          finishReason: "length",
        })),
      };
    case "malformed":
      return {
        ...result,
        choices: result.choices.map((choice) => ({ ...choice, text: garble(choice.text, rng) })),
      };
    case "empty-choices":
      return { ...result, choices: [] };
    default:
      return result;
  }
}

/** Keeps a random prefix (never the whole text) and appends junk. */
function garble(text: string, rng: Rng): string {
  const cut = rng.int(0, Math.max(0, text.length - 1));
  return text.slice(0, cut) + (GARBAGE[rng.int(0, GARBAGE.length - 1)] ?? "");
}
