import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import type { SamplingContext } from "../sampling-context.js";
import type { SimTask } from "../sim-types.js";
import { answerAsStudent, type SimAnswer } from "../student/answer-as-student.js";
import { findSkill } from "./agent-skills.js";
import { readTrajectory, searchesOf } from "./read-trajectory.js";

/** The passages a trajectory's tool calls returned, each once, in order. */
export function trajectoryPassages(trajectory: string): string[] {
  return [...new Set(searchesOf(readTrajectory(trajectory)).flatMap((search) => search.passages))];
}

/**
 * Plays ReAct's extraction: a query with a `trajectory` asking for a task's reader-stage outputs.
 * The passages the agent's searches returned become the reader's passages (for the query and for
 * each demo), so the answer depends on what the agent actually found. Undefined otherwise.
 */
export function answerFromTrajectory(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer | undefined {
  const query = prompt.query;
  if (!query?.has("trajectory") || prompt.requestedOutputs.includes("next_tool_name")) return undefined;
  const match = findSkill(tasks, query);
  if (!match) return undefined;
  const outputs = new Set(match.readerStage.outputs.map((field) => field.name));
  const wanted = prompt.requestedOutputs.filter((name) => name !== "reasoning");
  if (wanted.length === 0 || !wanted.every((name) => outputs.has(name))) return undefined;
  const withPassages = (inputs: ReadonlyMap<string, string>) => {
    const values = new Map(inputs);
    values.delete("trajectory");
    values.set(match.skill.passagesField, JSON.stringify(trajectoryPassages(inputs.get("trajectory") ?? "")));
    return values;
  };
  const reader: ParsedPrompt = {
    ...prompt,
    query: withPassages(query),
    demos: prompt.demos.map((demo) => ({ inputs: withPassages(demo.inputs), outputs: demo.outputs })),
  };
  return answerAsStudent({ task: match.task, stage: match.readerStage }, reader, context);
}
