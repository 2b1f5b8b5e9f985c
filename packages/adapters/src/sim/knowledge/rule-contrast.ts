import { valuesEqual } from "../prompt/field-values.js";
import type { SimRule, SimStage, SimValues } from "../sim-types.js";

/** An output value that tells a model that knows the rule from one that does not. */
export interface RuleContrast {
  readonly field: string;
  readonly correct: unknown;
  readonly wrong: unknown;
}

/**
 * For an input that triggers the rule: the fields where the correct answer differs from the
 * rule's wrong default (every other rule known). Empty when the rule does not apply or the
 * input is too incomplete to tell.
 */
export function ruleContrast(stage: SimStage, rule: SimRule, inputs: SimValues): RuleContrast[] {
  if (!rule.applies(inputs)) return [];
  const correct = stage.label(inputs);
  if (!correct) return [];
  const wrong = stage.respond(inputs, (ruleId) => ruleId !== rule.id);
  return rule.fields
    .filter((field) => correct[field] !== undefined && !valuesEqual(correct[field], wrong[field]))
    .map((field) => ({ field, correct: correct[field], wrong: wrong[field] }));
}

/** Whether shown outputs exhibit the rule (`right`), contradict it (`wrong`) or say nothing. */
export function judgeShownOutputs(
  contrast: readonly RuleContrast[],
  outputs: ReadonlyMap<string, unknown>,
): "right" | "wrong" | "silent" {
  const shown = contrast.filter((item) => outputs.has(item.field));
  if (shown.length === 0) return "silent";
  if (shown.every((item) => valuesEqual(outputs.get(item.field), item.correct))) return "right";
  if (shown.some((item) => valuesEqual(outputs.get(item.field), item.wrong))) return "wrong";
  return "silent";
}
