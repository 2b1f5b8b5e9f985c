import { formatScore } from "../reflective/render-outcome.js";

/** An instruction that was tried for a step, with its mean on the fixed subset. */
export interface ScoredInstruction {
  readonly instruction: string;
  readonly score: number;
}

/**
 * The best `limit` instructions in ascending score order (the best last, nearest the
 * question, as in OPRO); ties keep the order they were tried in.
 */
export function ascendingTop(history: readonly ScoredInstruction[], limit: number): ScoredInstruction[] {
  const ranked = history.map((entry, order) => ({ entry, order }));
  ranked.sort((a, b) => b.entry.score - a.entry.score || a.order - b.order);
  return ranked
    .slice(0, limit)
    .sort((a, b) => a.entry.score - b.entry.score || a.order - b.order)
    .map(({ entry }) => entry);
}

export function renderScoredInstructions(entries: readonly ScoredInstruction[]): string {
  return entries
    .map((entry) => `text:\n${entry.instruction}\nscore:\n${formatScore(entry.score)}`)
    .join("\n\n");
}
