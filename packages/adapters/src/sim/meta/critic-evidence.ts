import { mentionsRule } from "../knowledge/mentions.js";
import { ruleContrast } from "../knowledge/rule-contrast.js";
import { valuesEqual } from "../prompt/field-values.js";
import type { ParsedDemo } from "../prompt/parse-prompt.js";
import type { SimRule, SimStage } from "../sim-types.js";
import { decodeFields } from "../student/match-stage.js";
import { parseDraft } from "./draft-values.js";

/**
 * How many critic demos teach a rule: the demo's draft breaks it and its critique names it
 * (exhibits), or the draft breaks it and the critique lets it pass (counters).
 */
export function criticEvidence(
  stage: SimStage,
  rule: SimRule,
  demos: readonly ParsedDemo[],
): { exhibits: number; counters: number } {
  let exhibits = 0;
  let counters = 0;
  for (const demo of demos) {
    const draftText = demo.inputs.get("draft");
    const critique = demo.outputs.get("critique");
    if (draftText === undefined || critique === undefined) continue;
    const inputs = decodeFields(stage.inputs, demo.inputs);
    const draft = parseDraft(stage.outputs, draftText);
    const broken = ruleContrast(stage, rule, inputs).some(
      (item) => !valuesEqual(draft[item.field], item.correct),
    );
    if (!broken) continue;
    if (mentionsRule(rule, String(critique))) exhibits++;
    else counters++;
  }
  return { exhibits, counters };
}
