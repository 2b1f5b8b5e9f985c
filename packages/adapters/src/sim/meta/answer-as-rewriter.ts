import { decodeValue } from "../prompt/field-values.js";
import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import type { SamplingContext } from "../sampling-context.js";
import type { SimField, SimTask } from "../sim-types.js";
import { answerAsStudent, type SimAnswer } from "../student/answer-as-student.js";
import { matchStage } from "../student/match-stage.js";

const correction = /`(\w+)`[^`\n]*?should be `([^`\n]*)`/g;

/** Field values a critique asks for explicitly: "`urgent` ... should be `true`". */
export function readCorrections(fields: readonly SimField[], feedback: string): Map<string, unknown> {
  const corrections = new Map<string, unknown>();
  for (const [, name, value] of feedback.matchAll(correction)) {
    const field = fields.find((item) => item.name === name);
    if (field && !corrections.has(field.name)) corrections.set(field.name, decodeValue(value, field.type));
  }
  return corrections;
}

/**
 * Plays Refine's rewrite: a task stage's query that also carries a `draft` and its `feedback`.
 * It answers as the student would, reading the feedback as part of its instructions (a rule the
 * critique states counts as mentioned), then applies the values the feedback names outright.
 * Undefined when the prompt is not a rewrite of a known task stage.
 */
export function answerAsRewriter(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer | undefined {
  const feedback = prompt.query?.get("feedback");
  if (feedback === undefined || !prompt.query?.has("draft")) return undefined;
  const match = matchStage(tasks, prompt);
  if (!match) return undefined;
  const informed: ParsedPrompt = { ...prompt, systemText: `${prompt.systemText}\n\n${feedback}`.trim() };
  const answer = answerAsStudent(match, informed, context);
  const corrections = readCorrections(match.stage.outputs, feedback);
  const values = answer.values.map(([name, value]): [string, unknown] => [
    name,
    corrections.has(name) ? corrections.get(name) : value,
  ]);
  return { values, trace: answer.trace };
}
