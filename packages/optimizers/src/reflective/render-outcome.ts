import type { ExampleOutcome } from "./example-outcome.js";

const DEFAULT_LIMIT = 600;

export interface RenderOutcomeOptions {
  /** Show the expected outputs even when the metric gave feedback. @default true */
  readonly showExpected?: boolean;
  /** Longest rendered value, in characters. @default 600 */
  readonly maxValueLength?: number;
}

/**
 * One example for a teacher prompt: the step's inputs and outputs, the program's prediction
 * when it differs, the expected outputs, the score and the metric's feedback or the error.
 */
export function renderOutcome(
  outcome: ExampleOutcome,
  title: string,
  options: RenderOutcomeOptions = {},
): string {
  const limit = options.maxValueLength ?? DEFAULT_LIMIT;
  const lines = [
    `### ${title} (score ${formatScore(outcome.score)})`,
    "Inputs:",
    ...fieldLines(outcome.inputs, limit),
  ];
  if (outcome.outputs) lines.push("Outputs of this step:", ...fieldLines(outcome.outputs, limit));
  if (outcome.programOutputs) lines.push("Program outputs:", ...fieldLines(outcome.programOutputs, limit));
  if (!outcome.outputs && !outcome.programOutputs) lines.push("Outputs: (none: the program failed)");
  if (options.showExpected !== false || outcome.feedback === undefined) {
    lines.push("EXPECTED outputs:", ...fieldLines(outcome.expected, limit));
  }
  if (outcome.error) lines.push(`Error: ${clip(outcome.error, limit)}`);
  if (outcome.feedback) lines.push(`Feedback: ${clip(outcome.feedback, limit)}`);
  return lines.join("\n");
}

/** Several outcomes, numbered, separated by blank lines; `none` when there are none. */
export function renderOutcomes(
  outcomes: readonly ExampleOutcome[],
  label: string,
  options: RenderOutcomeOptions & { readonly none?: string } = {},
): string {
  if (outcomes.length === 0) return options.none ?? "(none)";
  return outcomes
    .map((outcome, position) => renderOutcome(outcome, `${label} ${position + 1}`, options))
    .join("\n\n");
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(3);
}

/** `  name: value` lines (strings raw, other values as JSON), clipped to `limit` characters. */
export function fieldLines(values: Readonly<Record<string, unknown>>, limit = DEFAULT_LIMIT): string[] {
  const entries = Object.entries(values);
  if (entries.length === 0) return ["  (none)"];
  return entries.map(
    ([name, value]) => `  ${name}: ${clip(typeof value === "string" ? value : JSON.stringify(value), limit)}`,
  );
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}
