import type { SimModelProfile } from "../model-profiles.js";
import type { SimRule } from "../sim-types.js";

/** What the prompt teaches about one rule. */
export interface RuleSupport {
  /** The instructions state the rule. */
  readonly mentioned: boolean;
  /** Demos whose input triggers the rule and whose output shows the correct behaviour. */
  readonly exhibits: number;
  /** Demos whose input triggers the rule and whose output shows the wrong default. */
  readonly counters: number;
}

/**
 * Probability that the model applies a rule: prior, mention and demos combine as independent
 * chances of "getting it"; each demo showing the wrong default scales it down.
 */
export function knowProbability(profile: SimModelProfile, rule: SimRule, support: RuleSupport): number {
  const prior = rule.priors?.[profile.id] ?? profile.prior[rule.kind];
  const fromMention = support.mentioned ? profile.mention : 0;
  const learning = profile.demoLearning;
  const fromDemos = learning[Math.min(support.exhibits, learning.length - 1)] ?? 0;
  const p = 1 - (1 - prior) * (1 - fromMention) * (1 - fromDemos);
  return p * profile.counterPenalty ** support.counters;
}
