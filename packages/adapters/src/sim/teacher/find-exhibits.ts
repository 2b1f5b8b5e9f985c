import { ruleContrast } from "../knowledge/rule-contrast.js";
import { decodeValue, normaliseText } from "../prompt/field-values.js";
import type { SimField, SimTask } from "../sim-types.js";
import { captureLabeledValues, showsValue } from "./label-capture.js";

/** How often a prompt's examples show a rule's correct behaviour. */
export interface ExhibitCount {
  /** Plain examples (input and correct output). */
  readonly plain: number;
  /** Failures shown with their expected output. */
  readonly failure: number;
  /** Failures that show only the wrong default (the expected value of that field is not shown). */
  readonly implied: number;
}

const failureWords = /\bexpected\b|\bshould (?:be|have been)\b|\bcorrect (?:answer|output|value)\b|\bgold\b/i;
const maxExampleLength = 2500;

/** Each example in a prompt: its primary input value and its text (up to the next example). */
function exampleTexts(task: SimTask, text: string): Map<string, { value: string; text: string }> {
  const primary = task.inputs[0]?.name ?? "";
  const occurrences = captureLabeledValues(text, primary).filter((item) => item.value.length >= 8);
  const examples = new Map<string, { value: string; text: string }>();
  occurrences.forEach((occurrence, position) => {
    const key = normaliseText(occurrence.value);
    const next = occurrences.slice(position + 1).find((item) => normaliseText(item.value) !== key);
    const end = Math.min(next?.index ?? text.length, occurrence.index + maxExampleLength);
    const seen = examples.get(key)?.text ?? "";
    examples.set(key, { value: occurrence.value, text: `${seen}\n${text.slice(occurrence.index, end)}` });
  });
  return examples;
}

/**
 * Finds the examples in a free-text prompt (an input labelled with the task's first input
 * field, up to the next example) and counts, per rule, those whose input triggers it and whose
 * shown output has the correct value; an example that mentions "expected" counts as a failure.
 * A failure that shows only the wrong default still hints at the rule (`implied`).
 */
export function findExhibits(task: SimTask, text: string): Map<string, ExhibitCount> {
  const primary = task.inputs[0];
  const fields = new Map<string, SimField>();
  for (const stage of task.stages) for (const field of stage.inputs) fields.set(field.name, field);
  const counts = new Map<string, ExhibitCount>();
  if (!primary) return counts;
  for (const { value: primaryValue, text: example } of exampleTexts(task, text).values()) {
    const inputs: Record<string, unknown> = { [primary.name]: primaryValue };
    for (const field of fields.values()) {
      if (field.name === primary.name) continue;
      const value = captureLabeledValues(example, field.name)[0]?.value;
      if (value !== undefined) inputs[field.name] = decodeValue(value, field.type);
    }
    const failure = failureWords.test(example);
    for (const stage of task.stages) {
      for (const rule of stage.rules) {
        const contrast = ruleContrast(stage, rule, inputs);
        if (contrast.length === 0) continue;
        const shows = (value: (item: (typeof contrast)[number]) => unknown) =>
          contrast.every((item) =>
            captureLabeledValues(example, item.field).some((captured) =>
              showsValue(captured.value, value(item)),
            ),
          );
        const kind = shows((item) => item.correct)
          ? failure
            ? "failure"
            : "plain"
          : failure && shows((item) => item.wrong)
            ? "implied"
            : undefined;
        if (kind === undefined) continue;
        const count: ExhibitCount = counts.get(rule.id) ?? { plain: 0, failure: 0, implied: 0 };
        counts.set(rule.id, { ...count, [kind]: count[kind] + 1 });
      }
    }
  }
  return counts;
}

/** The prompt without its example lines, where a stated rule is a real statement, not data. */
export function textOutsideExamples(task: SimTask, text: string): string {
  const names = new Set(
    task.stages.flatMap((stage) => [...stage.inputs, ...stage.outputs].map((field) => field.name)),
  );
  const primary = task.inputs[0]?.name ?? "";
  const snippets = captureLabeledValues(text, primary)
    .map((item) => item.value.slice(0, 40).toLowerCase())
    .filter((snippet) => snippet.length >= 8);
  const labelled = new RegExp(
    `(?:^|[^\\w])(?:${[...names].join("|")})["'\`*]*\\s*[:=]|\\[\\[ ## (?:${[...names].join("|")}) ## \\]\\]`,
    "i",
  );
  return text
    .split(/\r?\n/)
    .filter((line) => {
      const lower = line.toLowerCase();
      return !labelled.test(line) && !snippets.some((snippet) => lower.includes(snippet));
    })
    .join("\n");
}
