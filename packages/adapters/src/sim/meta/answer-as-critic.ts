import { canonicalJson } from "@lathe/core";
import { knowProbability } from "../knowledge/know-probability.js";
import { mentionsRule } from "../knowledge/mentions.js";
import { ruleContrast } from "../knowledge/rule-contrast.js";
import { formatValue, valuesEqual } from "../prompt/field-values.js";
import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import { type SamplingContext, sampler } from "../sampling-context.js";
import type { SimRuleDecision } from "../sim-trace.js";
import type { SimRule, SimTask } from "../sim-types.js";
import type { SimAnswer } from "../student/answer-as-student.js";
import { decodeFields, matchStage } from "../student/match-stage.js";
import { criticEvidence } from "./critic-evidence.js";
import { draftFieldNames, parseDraft } from "./draft-values.js";

/** Chance that a critic notices a careless slip (a wrong field no rule explains). */
export const slipNoticeRate = 0.6;

const nothingToFix = "The draft follows the task; nothing to fix.";

/**
 * Plays Refine's critic: a prompt asking for a `critique` of a `draft` of a task stage's outputs.
 * The critic knows each rule the input triggers with the usual probability (prior, its own
 * instructions, demos whose critique names the rule where the draft breaks it); it names every
 * known rule the draft breaks, and notices careless slips with `slipNoticeRate`. It never flags
 * a correct field. Undefined when the prompt is not a critic's or its task is unknown.
 */
export function answerAsCritic(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer | undefined {
  const draftText = prompt.query?.get("draft");
  if (draftText === undefined || !prompt.requestedOutputs.includes("critique")) return undefined;
  const match = matchStage(tasks, { ...prompt, requestedOutputs: draftFieldNames(draftText) });
  if (!match) return undefined;
  const { task, stage } = match;
  const query = decodeFields(stage.inputs, prompt.query ?? new Map());
  const draft = parseDraft(stage.outputs, draftText);
  // Keyed by the task input only: the critic judges every attempt on a query with the same knowledge.
  const draw = sampler(context, `critic:${task.name}/${stage.name}|${canonicalJson(query)}`);
  const instructions = prompt.systemText !== "" ? prompt.systemText : prompt.allText;
  const decisions: SimRuleDecision[] = stage.rules
    .filter((rule) => rule.applies(query))
    .map((rule) => {
      const support = {
        mentioned: mentionsRule(rule, instructions),
        ...criticEvidence(stage, rule, prompt.demos),
      };
      const probability = knowProbability(context.profile, rule, support);
      return { ruleId: rule.id, support, probability, known: draw.uniform(`rule:${rule.id}`) < probability };
    });
  const knows = (ruleId: string) => decisions.find((decision) => decision.ruleId === ruleId)?.known ?? true;

  const findings: string[] = [];
  const flagged = new Set<string>();
  const named: SimRule[] = [];
  for (const rule of stage.rules.filter((item) => knows(item.id) && item.applies(query))) {
    const broken = ruleContrast(stage, rule, query)
      .filter((item) => !valuesEqual(draft[item.field], item.correct))
      .map((item) => item.field);
    if (broken.length === 0) continue;
    for (const field of broken) flagged.add(field);
    named.push(rule);
    findings.push(
      `${broken.map((field) => `\`${field}\``).join(" and ")} breaks a rule: ${rule.sentences[0]}`,
    );
  }
  // What the critic would answer itself; a slip is a field that differs from it and is really wrong.
  const reference = stage.respond(query, knows);
  const label = stage.label(query);
  for (const field of stage.outputs) {
    if (flagged.has(field.name)) continue;
    const shown = draft[field.name];
    const slip =
      shown !== undefined &&
      label !== undefined &&
      !valuesEqual(shown, label[field.name]) &&
      !valuesEqual(shown, reference[field.name]) &&
      draw.uniform(`slip:${field.name}`) < slipNoticeRate;
    if (shown !== undefined && !slip) continue;
    flagged.add(field.name);
    const problem = shown === undefined ? "is missing" : "looks like a slip";
    findings.push(`\`${field.name}\` ${problem}: it should be \`${formatValue(reference[field.name])}\`.`);
  }

  const critique = findings.length === 0 ? nothingToFix : findings.join(" ");
  const score = Math.round(100 * (1 - flagged.size / Math.max(1, stage.outputs.length))) / 100;
  const values = prompt.requestedOutputs.map((name): [string, unknown] => {
    if (name === "critique") return [name, critique];
    if (name === "score") return [name, score];
    return [name, `I checked the draft against each rule of the task. ${critique}`];
  });
  return {
    values,
    trace: {
      mode: "critic",
      task: task.name,
      stage: stage.name,
      decisions,
      careless: false,
      copiedDemo: false,
      statedRules: named.map((rule) => rule.id),
    },
  };
}
