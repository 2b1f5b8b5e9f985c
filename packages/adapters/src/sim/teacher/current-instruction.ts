import type { ParsedPrompt } from "../prompt/parse-prompt.js";

const placeholders = new Set(["", "(empty)", "(none)", "(unavailable)"]);

/**
 * The instruction a teacher prompt asks to improve: the value of an input field named like
 * `current_instruction(s)` or `basic_instruction` (not a list of earlier or scored ones).
 */
export function currentInstruction(prompt: ParsedPrompt): string | undefined {
  for (const [name, value] of prompt.query ?? []) {
    if (!/instruction/i.test(name) || /scored|history|previous|attempt|past|earlier/i.test(name)) continue;
    if (!placeholders.has(value.trim())) return value.trim();
  }
  return undefined;
}

/** The token a prompt asks for when there is nothing new to say ("if you have nothing to add, write X"). */
export function nothingToAddToken(prompt: ParsedPrompt): string | undefined {
  return /nothing to add, (?:write|reply|answer|say) ["'`]?([A-Za-z_]+)/i.exec(prompt.systemText)?.[1];
}
