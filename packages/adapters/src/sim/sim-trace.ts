import type { RuleSupport } from "./knowledge/know-probability.js";

/** Whether the model applied one triggered rule, and why. */
export interface SimRuleDecision {
  readonly ruleId: string;
  readonly support: RuleSupport;
  readonly probability: number;
  readonly known: boolean;
}

/** Why the sim answered what it did: returned by `SimLanguageModel.explain`. */
export interface SimTrace {
  /**
   * `student` answers a task query, `teacher` writes instructions or descriptions, `generic` is a
   * fallback; `critic` reviews a Refine draft, `agent` plays a ReAct turn.
   */
  readonly mode: "student" | "teacher" | "generic" | "critic" | "agent";
  readonly task?: string;
  readonly stage?: string;
  /** Student: the rules the query triggers and whether the model applied each. */
  readonly decisions: readonly SimRuleDecision[];
  /** Student: a careless mistake was made on one field. */
  readonly careless: boolean;
  /** Student: the query equals a demo's input, whose outputs were copied. */
  readonly copiedDemo: boolean;
  /** Teacher: the rules the written text states; critic: the rules its critique names. */
  readonly statedRules: readonly string[];
}
