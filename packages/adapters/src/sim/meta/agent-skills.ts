import type { SimStage, SimTask } from "../sim-types.js";
import type { SimAgentSkill } from "./agent-skill.js";
import { townQaAgent } from "./town-qa-agent.js";

/** Tasks the sim can work on as a tool-using agent. */
export const agentSkills: readonly SimAgentSkill[] = [townQaAgent];

export interface SkillMatch {
  readonly skill: SimAgentSkill;
  readonly task: SimTask;
  readonly queryStage: SimStage;
  readonly readerStage: SimStage;
}

/** The agent skill for a query: its task is known to the model and the query holds the task's input. */
export function findSkill(
  tasks: readonly SimTask[],
  query: ReadonlyMap<string, string>,
): SkillMatch | undefined {
  for (const skill of agentSkills) {
    const task = tasks.find((item) => item.name === skill.task);
    const queryStage = task?.stages.find((stage) => stage.name === skill.queryStage);
    const readerStage = task?.stages.find((stage) => stage.name === skill.readerStage);
    if (!task || !queryStage || !readerStage) continue;
    if (query.has(queryStage.inputs[0]?.name ?? "")) return { skill, task, queryStage, readerStage };
  }
  return undefined;
}
