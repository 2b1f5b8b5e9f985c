import type { Rng } from "@lathe/core";
import { drawRng, drawUniform } from "./draw.js";
import type { SimModelProfile } from "./model-profiles.js";

/** Everything a sample may depend on besides the prompt. */
export interface SamplingContext {
  readonly profile: SimModelProfile;
  readonly temperature: number;
  readonly rolloutId: number;
  readonly choiceIndex: number;
}

/**
 * Keyed draws for one sample: at temperature 0 they ignore the rollout and choice (greedy decoding
 * is deterministic); above it every rollout and choice draws afresh.
 */
export function sampler(context: SamplingContext, scope: string) {
  const sample = context.temperature > 0 ? `t:${context.rolloutId}:${context.choiceIndex}` : "t0";
  const key = (label: string) => `${context.profile.id}|${scope}|${label}|${sample}`;
  return {
    sampled: context.temperature > 0,
    uniform: (label: string): number => drawUniform(key(label)),
    rng: (label: string): Rng => drawRng(key(label)),
  };
}

export type Sampler = ReturnType<typeof sampler>;
