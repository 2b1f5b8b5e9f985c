import type { Rng } from "@lathe/core";

/** The proposer's tips, as in DSPy's MIPROv2: one is drawn per proposal to diversify them. */
export const PROPOSER_TIPS = {
  none: "",
  creative: "Don't be afraid to be creative when creating the new instruction!",
  simple: "Keep the instruction clear and concise.",
  description: "Make sure your instruction is very informative and descriptive.",
  "high-stakes": "The instruction should include a high stakes scenario in which the LM must solve the task!",
  persona: 'Include a persona that is relevant to the task in the instruction (ie. "You are a ...").',
} as const;

export type TipName = keyof typeof PROPOSER_TIPS;

const TIP_NAMES = Object.keys(PROPOSER_TIPS) as TipName[];

/** A uniformly drawn tip. */
export function drawTip(rng: Rng): TipName {
  return TIP_NAMES[rng.int(0, TIP_NAMES.length - 1)]!;
}
