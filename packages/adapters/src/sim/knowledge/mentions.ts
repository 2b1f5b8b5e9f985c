import type { SimRule } from "../sim-types.js";

const termPatterns = new Map<string, RegExp>();

/**
 * Whether a text states a rule: some window of two consecutive sentences (or lines) holds a term
 * of every key-term group. Matching several key terms makes it robust to paraphrase.
 */
export function mentionsRule(rule: SimRule, text: string): boolean {
  const sentences = splitSentences(text);
  for (let index = 0; index < sentences.length; index++) {
    const window = `${sentences[index]!} ${sentences[index + 1] ?? ""}`;
    if (rule.keyTerms.every((group) => group.some((term) => termPattern(term).test(window)))) return true;
  }
  return false;
}

/** The ids of the rules a text mentions, in the rules' order. */
export function mentionedRuleIds(rules: readonly SimRule[], text: string): string[] {
  return rules.filter((rule) => mentionsRule(rule, text)).map((rule) => rule.id);
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\r?\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function termPattern(term: string): RegExp {
  let pattern = termPatterns.get(term);
  if (!pattern) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    const start = /^\w/.test(term) ? "\\b" : "";
    // A word term also matches its plural ("refund" → "refunds").
    const end = /\w$/.test(term) ? "(?:e?s)?\\b" : "";
    pattern = new RegExp(`${start}${escaped}${end}`, "i");
    termPatterns.set(term, pattern);
  }
  return pattern;
}
