import type { AnySignature } from "@lathe/core";

export type ProposalCheck =
  | { readonly ok: true; readonly instructions: string }
  | { readonly ok: false; readonly instructions: string; readonly reason: string };

/**
 * Cleans a teacher's proposed instruction (surrounding fences or quotes) and checks it can
 * replace `parent`: not empty, not the same, and every field reference of the parent that
 * names a signature field (`` `ticket` ``, `{ticket}`, `{{ticket}}`) still present verbatim.
 */
export function checkProposal(parent: string, proposal: string, signature: AnySignature): ProposalCheck {
  const instructions = cleanInstruction(proposal);
  if (instructions === "") return { ok: false, instructions, reason: "the proposal is empty" };
  if (instructions === parent.trim()) {
    return { ok: false, instructions, reason: "the proposal repeats the current instructions" };
  }
  const missing = fieldReferences(parent, signature).filter((reference) => !instructions.includes(reference));
  if (missing.length > 0) {
    return {
      ok: false,
      instructions,
      reason: `the proposal drops field reference(s) ${missing.join(", ")} that the current instructions use`,
    };
  }
  return { ok: true, instructions };
}

/** The references to signature fields in a text, each once, in order of appearance. */
export function fieldReferences(text: string, signature: AnySignature): string[] {
  const names = new Set(signature.fieldNames());
  const found = new Set<string>();
  for (const match of text.matchAll(/`(\w+)`|\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g)) {
    const name = match[1] ?? match[2] ?? match[3] ?? "";
    if (names.has(name)) found.add(match[0]);
  }
  return [...found];
}

function cleanInstruction(text: string): string {
  let cleaned = text.trim();
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(cleaned);
  if (fenced) cleaned = fenced[1]!.trim();
  const quoted = /^(["'“])([\s\S]*)(["'”])$/.exec(cleaned);
  if (quoted && !quoted[2]!.includes(quoted[1]!)) cleaned = quoted[2]!.trim();
  return cleaned;
}
