import type { SimStage, SimTask } from "../sim-types.js";

function countWord(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return Math.min(5, text.match(new RegExp(`\\b${escaped}\\b`, "gi"))?.length ?? 0);
}

/**
 * The task (and stage) a free-text prompt is about, from its field names and vocabulary; the
 * stage is the one whose output names appear most. Undefined when nothing stands out.
 */
export function identifyTask(
  tasks: readonly SimTask[],
  text: string,
): { readonly task: SimTask; readonly stage: SimStage } | undefined {
  let best: SimTask | undefined;
  let bestScore = 0;
  for (const task of tasks) {
    const names = new Set(
      task.stages.flatMap((stage) => [...stage.inputs, ...stage.outputs].map((field) => field.name)),
    );
    let score = 0;
    for (const name of names) score += 2 * countWord(text, name);
    for (const keyword of task.keywords) score += countWord(text, keyword);
    if (score > bestScore) [best, bestScore] = [task, score];
  }
  if (!best || bestScore < 4) return undefined;
  let stage = best.stages[0]!;
  let stageScore = -1;
  for (const candidate of best.stages) {
    const score = candidate.outputs.reduce((sum, field) => sum + countWord(text, field.name), 0);
    if (score > stageScore) [stage, stageScore] = [candidate, score];
  }
  return { task: best, stage };
}
