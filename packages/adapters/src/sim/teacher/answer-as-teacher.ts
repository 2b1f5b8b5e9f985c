import { hashString } from "@lathe/core";
import { mentionedRuleIds } from "../knowledge/mentions.js";
import type { SimModelProfile } from "../model-profiles.js";
import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import { type SamplingContext, sampler } from "../sampling-context.js";
import type { SimRule, SimTask } from "../sim-types.js";
import type { SimAnswer } from "../student/answer-as-student.js";
import { currentInstruction, nothingToAddToken } from "./current-instruction.js";
import { type ExhibitCount, findExhibits, textOutsideExamples } from "./find-exhibits.js";
import { identifyTask } from "./identify-task.js";
import { readTips, writeDescription, writeHypothesis, writeInstruction } from "./teacher-writing.js";

type FieldKind = "instruction" | "hypothesis" | "description" | "reasoning";

function fieldKind(name: string): FieldKind {
  const lower = name.toLowerCase();
  if (/instruction|prompt/.test(lower)) return "instruction";
  if (/hypothes/.test(lower)) return "hypothesis";
  if (/reason|rationale|thought/.test(lower)) return "reasoning";
  return "description";
}

/** Rules the teacher picks up: those already stated (kept) and those the examples exhibit. */
function pickRules(
  task: SimTask,
  profile: SimModelProfile,
  exhibits: ReadonlyMap<string, ExhibitCount>,
  stated: readonly string[],
  uniform: (label: string) => number,
): SimRule[] {
  const chance = (count: ExhibitCount | undefined) => {
    if (!count) return 0;
    const { failurePickup, plainPickup } = profile.teacher;
    const base =
      count.failure > 0
        ? failurePickup
        : count.implied > 0
          ? failurePickup * 0.7
          : count.plain > 0
            ? plainPickup
            : 0;
    return Math.min(0.98, base + 0.05 * Math.max(0, count.failure + count.implied + count.plain - 1));
  };
  const picked = task.rules.filter(
    (rule) =>
      (stated.includes(rule.id) && uniform(`keep:${rule.id}`) < profile.teacher.keepMentioned) ||
      uniform(`pick:${rule.id}`) < chance(exhibits.get(rule.id)),
  );
  // Rules seen failing come first: they are what a hypothesis talks about.
  const failures = (rule: SimRule) => exhibits.get(rule.id)?.failure ?? 0;
  return picked.sort((left, right) => failures(right) - failures(left));
}

/**
 * Teacher mode: writes instructions, hypotheses and descriptions for the task the prompt is
 * about, stating the rules its examples exhibit (more reliably when failures are shown).
 */
export function answerAsTeacher(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
  fieldType: (name: string) => string,
): SimAnswer {
  const text = prompt.allText;
  const found = identifyTask(tasks, text);
  const draw = sampler(context, `teacher|${hashString(text)}|${text.length}`);
  const tips = readTips(prompt.allText.replace(prompt.systemText, ""));
  const stated = found ? mentionedRuleIds(found.task.rules, textOutsideExamples(found.task, text)) : [];
  const picked = found
    ? pickRules(found.task, context.profile, findExhibits(found.task, text), stated, draw.uniform)
    : [];

  const base = currentInstruction(prompt);
  const values = prompt.requestedOutputs.map((name): [string, unknown] => {
    const kind = fieldKind(name);
    let value: string;
    if (!found) {
      value =
        kind === "instruction"
          ? (base ?? "Read the input carefully and answer every output field precisely.")
          : "The inputs vary and no clear pattern stands out.";
    } else if (kind === "instruction") {
      value = writeInstruction({
        task: found.task,
        base: base ?? found.stage.instruction,
        rules: picked,
        tips,
        rng: draw.sampled ? draw.rng(`write:${name}`) : undefined,
      });
    } else if (kind === "hypothesis") {
      value = writeHypothesis(picked);
    } else if (kind === "reasoning") {
      value =
        "I compared the examples with their expected outputs and looked for cases the instruction does not cover.";
    } else if (/observation/i.test(name)) {
      // New observations only: what the prompt already states is not repeated.
      const fresh = picked.filter((rule) => !stated.includes(rule.id));
      const token = nothingToAddToken(prompt);
      value =
        fresh.length === 0 && token !== undefined && stated.length > 0
          ? token
          : writeDescription(name, found.task, found.stage, fresh);
    } else {
      value = writeDescription(name, found.task, found.stage, picked);
    }
    const type = fieldType(name);
    if (type === "integer") return [name, 1];
    if (type === "number") return [name, 0.5];
    if (type === "boolean") return [name, true];
    if (type === "array") return [name, [value]];
    return [name, value];
  });
  return {
    values,
    trace: {
      mode: found ? "teacher" : "generic",
      ...(found ? { task: found.task.name, stage: found.stage.name } : {}),
      decisions: [],
      careless: false,
      copiedDemo: false,
      statedRules: picked.map((rule) => rule.id),
    },
  };
}
