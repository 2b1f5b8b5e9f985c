import type { SimRule, SimStage, SimValues } from "../sim-types.js";
import { judgeShownOutputs, ruleContrast } from "./rule-contrast.js";

/** A demo with its values decoded to the stage's field types. */
export interface DecodedDemo {
  readonly inputs: SimValues;
  readonly outputs: ReadonlyMap<string, unknown>;
}

/** How many demos exhibit the rule's correct behaviour, and how many show its wrong default. */
export function demoEvidence(
  stage: SimStage,
  rule: SimRule,
  demos: readonly DecodedDemo[],
): { exhibits: number; counters: number } {
  let exhibits = 0;
  let counters = 0;
  for (const demo of demos) {
    const verdict = judgeShownOutputs(ruleContrast(stage, rule, demo.inputs), demo.outputs);
    if (verdict === "right") exhibits++;
    else if (verdict === "wrong") counters++;
  }
  return { exhibits, counters };
}
