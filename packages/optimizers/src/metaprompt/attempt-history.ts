import { formatScore } from "../reflective/render-outcome.js";

/** One rewrite the teacher proposed, and what became of it. */
export interface MetaPromptAttempt {
  readonly round: number;
  /** The predictor it rewrote. */
  readonly path: string;
  readonly hypothesis: string;
  readonly instructions: string;
  /** Mean on the fixed subset; absent when the rewrite was rejected before evaluation. */
  readonly score?: number;
  /** The parent's mean on the same subset. */
  readonly parentScore: number;
  readonly accepted: boolean;
  readonly reason: string;
  /** Examples where the rewritten program failed outright (e.g. its replies could not be parsed). */
  readonly errors?: { readonly count: number; readonly first: string };
}

/** The last `size` attempts, oldest first, each marked ACCEPTED or REJECTED with its score. */
export function renderHistory(attempts: readonly MetaPromptAttempt[], size: number): string {
  if (attempts.length === 0 || size <= 0) return "(no earlier attempts)";
  const shown = attempts.slice(-size);
  const omitted = attempts.length - shown.length;
  const blocks = shown.map((attempt) => {
    const verdict = attempt.accepted ? "ACCEPTED" : "REJECTED (do not repeat it)";
    const score =
      attempt.score === undefined
        ? "not evaluated"
        : `score ${formatScore(attempt.score)} vs ${formatScore(attempt.parentScore)} for its parent`;
    const lines = [
      `### Attempt ${attempt.round} on step \`${attempt.path}\`: ${verdict}, ${score}`,
      `Reason: ${attempt.reason}`,
      `Hypothesis: ${attempt.hypothesis}`,
      `Instructions: ${attempt.instructions}`,
    ];
    if (attempt.errors) {
      lines.push(
        `Failures: ${attempt.errors.count} example(s) failed outright, e.g. ${attempt.errors.first}`,
      );
    }
    return lines.join("\n");
  });
  return [...(omitted > 0 ? [`(${omitted} older attempt(s) not shown)`] : []), ...blocks].join("\n\n");
}
