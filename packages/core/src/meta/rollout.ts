import { getSettings } from "../settings/settings.js";

/**
 * Settings for sample `index` of `count`: its own rollout id, so each sample is cached apart.
 * Ids are 0..count-1, nested under any rollout id already in force (outer * count + index),
 * so an optimizer's re-sampling rounds still draw fresh samples.
 */
export function rolloutSettings(
  index: number,
  count: number,
  temperature: number,
): { temperature: number; rolloutId: number } {
  const outer = getSettings().rolloutId ?? 0;
  return { temperature, rolloutId: outer * count + index };
}
