import type { Rng } from "@lathe/core";
import { shuffled } from "@lathe/core";
import { mentionsRule } from "../knowledge/mentions.js";
import type { SimRule, SimStage, SimTask } from "../sim-types.js";

/** Proposal tips (as in MIPRO) recognised in a teacher prompt. */
export interface TeacherTips {
  readonly persona: boolean;
  readonly highStakes: boolean;
  readonly simple: boolean;
  readonly creative: boolean;
  readonly descriptive: boolean;
}

export function readTips(text: string): TeacherTips {
  return {
    persona: /\bpersona\b/i.test(text),
    highStakes: /\bhigh[- ]stakes\b/i.test(text),
    simple: /\b(simple|concise|brief)\b/i.test(text),
    creative: /\bcreative\b/i.test(text),
    descriptive: /\b(descriptive|informative)\b/i.test(text),
  };
}

const closers = [
  "",
  "Read the whole input before answering.",
  "Be precise and consistent.",
  "Double-check every field.",
];

/** What an instruction is built from. */
export interface InstructionPlan {
  readonly task: SimTask;
  /** The current instruction when the prompt shows one, else the stage's base instruction. */
  readonly base: string;
  readonly rules: readonly SimRule[];
  readonly tips: TeacherTips;
  /** Sampled decoding only: varies the wording, order and closing sentence. */
  readonly rng: Rng | undefined;
}

/**
 * An instruction: the base kept verbatim (so field references survive), plus one canonical
 * sentence per rule it does not state yet, shaped by the tips.
 */
export function writeInstruction(plan: InstructionPlan): string {
  const { task, base, tips, rng } = plan;
  const added = plan.rules.filter((rule) => !mentionsRule(rule, base));
  const ordered = rng ? shuffled(added, rng) : added;
  const sentence = (rule: SimRule) => {
    const index = rng ? rng.int(0, rule.sentences.length - 1) : tips.creative ? 1 : 0;
    return rule.sentences[Math.min(index, rule.sentences.length - 1)]!;
  };
  const parts = [
    tips.persona && !/^you are\b/i.test(base) ? `You are ${task.persona}.` : "",
    base.trim(),
    tips.descriptive && !base.includes(task.description) ? `The inputs are ${task.description}.` : "",
    ...ordered.map(sentence),
    tips.highStakes && !base.includes(highStakes) ? highStakes : "",
    rng && !tips.simple ? closers[rng.int(0, closers.length - 1)]! : "",
  ];
  return parts.filter((part) => part !== "" && (part === base.trim() || !base.includes(part))).join(" ");
}

const highStakes = "Mistakes here are costly, so check every field before answering.";

/** One sentence on what goes wrong, built on the rule with the strongest evidence. */
export function writeHypothesis(rules: readonly SimRule[]): string {
  const rule = rules[0];
  if (!rule)
    return "The model makes scattered mistakes; the instruction could be more precise about each output field.";
  return `The instruction never says that ${rule.observation}, so the model falls back to a wrong default on those inputs.`;
}

/** Descriptive text for observations, summaries and program or module descriptions. */
export function writeDescription(
  fieldName: string,
  task: SimTask,
  stage: SimStage | undefined,
  rules: readonly SimRule[],
): string {
  const name = fieldName.toLowerCase();
  if (name.includes("program")) {
    const steps = task.stages.map((item) => item.name).join(" then ");
    return `The program works on ${task.description}; it runs ${task.stages.length} step(s): ${steps}.`;
  }
  if (name.includes("module") || name.includes("predictor")) {
    const instruction = stage?.instruction ?? task.instruction;
    return `This module takes ${stage?.inputs.map((field) => field.name).join(", ") ?? "the inputs"} and must: ${instruction}`;
  }
  const patterns =
    rules.length > 0
      ? ` Patterns worth noting: ${rules.map((rule) => rule.observation).join("; ")}.`
      : " No special cases stand out.";
  return `The data are ${task.description}.${patterns}`;
}
