import { formatValue } from "../prompt/field-values.js";
import type { SimRuleDecision } from "../sim-trace.js";
import type { SimStage, SimValues } from "../sim-types.js";

const openers = [
  "Let me think step by step.",
  "Let's work through it.",
  "Reading it carefully:",
  "Step by step:",
];

/** Short chain-of-thought text: the input restated, each rule applied, and the conclusion. */
export function writeReasoning(
  stage: SimStage,
  inputs: SimValues,
  decisions: readonly SimRuleDecision[],
  outputs: SimValues,
  variant: number,
): string {
  const applied = decisions
    .filter((decision) => decision.known)
    .map((decision) => stage.rules.find((rule) => rule.id === decision.ruleId)?.sentences[0])
    .filter((sentence): sentence is string => sentence !== undefined);
  const conclusion = Object.entries(outputs)
    .map(([name, value]) => `${name} is ${formatValue(value)}`)
    .join(", ");
  return [openers[variant % openers.length], stage.describe(inputs), ...applied, `So ${conclusion}.`].join(
    " ",
  );
}
