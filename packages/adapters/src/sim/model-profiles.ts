import { LatheError } from "@lathe/core";

/** How a simulated model learns in context and how carelessly it answers. */
export interface SimModelProfile {
  readonly id: string;
  /** Probability of knowing a hidden rule with no help, by rule kind (rules may override). */
  readonly prior: { readonly common: number; readonly rare: number };
  /** Probability added by an instruction that mentions the rule. */
  readonly mention: number;
  /** Probability added by demos exhibiting the rule, indexed by their count (last entry: and more). */
  readonly demoLearning: readonly number[];
  /** Multiplier on the probability for each demo that shows the wrong default. */
  readonly counterPenalty: number;
  /** Chance of a careless mistake on an answer, without and with chain of thought. */
  readonly errorRate: number;
  readonly reasoningErrorRate: number;
  /** Teacher mode: chance of picking up a rule that the prompt's examples exhibit. */
  readonly teacher: {
    /** When a failure is shown with its expected output. */
    readonly failurePickup: number;
    /** When only plain examples show it. */
    readonly plainPickup: number;
    /** Chance of keeping a rule the prompt already states (current instruction, observations). */
    readonly keepMentioned: number;
  };
}

/** The built-in models: a weak student, a differently-biased peer for retargeting, a strong teacher. */
export const simModelProfiles = {
  small: {
    id: "small",
    prior: { common: 0.15, rare: 0.12 },
    mention: 0.97,
    demoLearning: [0, 0.55, 0.78, 0.93],
    counterPenalty: 0.5,
    errorRate: 0.07,
    reasoningErrorRate: 0.025,
    teacher: { failurePickup: 0.3, plainPickup: 0.15, keepMentioned: 0.8 },
  },
  medium: {
    id: "medium",
    prior: { common: 0.3, rare: 0.1 },
    mention: 0.93,
    demoLearning: [0, 0.45, 0.65, 0.75],
    counterPenalty: 0.6,
    errorRate: 0.06,
    reasoningErrorRate: 0.025,
    teacher: { failurePickup: 0.6, plainPickup: 0.4, keepMentioned: 0.9 },
  },
  large: {
    id: "large",
    prior: { common: 0.55, rare: 0.4 },
    mention: 0.98,
    demoLearning: [0, 0.7, 0.88, 0.93],
    counterPenalty: 0.7,
    errorRate: 0.03,
    reasoningErrorRate: 0.01,
    teacher: { failurePickup: 0.85, plainPickup: 0.6, keepMentioned: 0.97 },
  },
} as const satisfies Record<string, SimModelProfile>;

export type SimModelId = keyof typeof simModelProfiles;

/** Resolves `small`, `sim/small`, `sim:small` or `sim-small` to its profile. */
export function resolveSimProfile(modelId: string): SimModelProfile {
  const name = modelId.replace(/^sim[/:-]/, "");
  if (Object.hasOwn(simModelProfiles, name)) return simModelProfiles[name as SimModelId];
  throw new LatheError(
    "SimModelError",
    `Unknown sim model "${modelId}". Use one of: ${Object.keys(simModelProfiles).join(", ")}.`,
  );
}
