import type { SimValues } from "../sim-types.js";
import type { Search } from "./read-trajectory.js";

/** The sim agent's next move. `first` is the opening search, written by the query stage's student. */
export type AgentPlan =
  | { readonly kind: "first" }
  | { readonly kind: "search"; readonly query: string; readonly thought: string }
  | { readonly kind: "finish"; readonly thought: string };

/**
 * How the sim plays a ReAct agent on one task: which stage writes the first search query, which
 * stage answers from the retrieved passages, and how to move on from the observations so far.
 */
export interface SimAgentSkill {
  readonly task: string;
  /** The stage whose output is the first search query, and that output's name. */
  readonly queryStage: string;
  readonly queryField: string;
  /** The stage that answers from passages, and the input the passages go in. */
  readonly readerStage: string;
  readonly passagesField: string;
  plan(inputs: SimValues, searches: readonly Search[]): AgentPlan;
}
