import { formatValue, isRecord, tryParseJson } from "../prompt/field-values.js";
import type { ParsedDemo, ParsedPrompt } from "../prompt/parse-prompt.js";
import type { SamplingContext } from "../sampling-context.js";
import type { SimTrace } from "../sim-trace.js";
import type { SimTask } from "../sim-types.js";
import { answerAsStudent, type SimAnswer } from "../student/answer-as-student.js";
import { decodeFields } from "../student/match-stage.js";
import { findSkill, type SkillMatch } from "./agent-skills.js";
import { findSearchTool, type ListedTool, readTools } from "./read-tools.js";
import { readTrajectory, searchesOf } from "./read-trajectory.js";

interface Move {
  readonly thought: string;
  readonly tool: string;
  readonly args: string;
  readonly trace: SimTrace;
}

const finish = (thought: string, trace: SimTrace): Move => ({ thought, tool: "finish", args: "{}", trace });

/**
 * Plays one turn of a ReAct agent (a prompt asking for `next_tool_name` given a `trajectory`):
 * on a task with an agent skill it searches with the first listed tool that takes a string, its
 * opening query written like the task's query stage (so instructions and first-turn demos teach
 * it the stage's rules), then follows the skill's plan; otherwise it finishes at once.
 */
export function answerAsAgent(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer | undefined {
  const query = prompt.query;
  const trajectory = query?.get("trajectory");
  if (!query || trajectory === undefined || !prompt.requestedOutputs.includes("next_tool_name"))
    return undefined;
  const move = chooseMove(tasks, prompt, context, query, trajectory);
  const values = prompt.requestedOutputs.map((name): [string, unknown] => {
    if (name === "next_tool_name") return [name, move.tool];
    if (name === "next_tool_args") return [name, move.args];
    return [name, move.thought];
  });
  return { values, trace: move.trace };
}

function chooseMove(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
  query: ReadonlyMap<string, string>,
  trajectory: string,
): Move {
  const idle: SimTrace = {
    mode: "agent",
    decisions: [],
    careless: false,
    copiedDemo: false,
    statedRules: [],
  };
  const match = findSkill(tasks, query);
  const search = findSearchTool(readTools(prompt.systemText));
  if (!match || !search) return finish("No listed tool helps with this input, so I finish.", idle);
  const trace: SimTrace = { ...idle, task: match.task.name, stage: match.queryStage.name };
  const plan = match.skill.plan(
    decodeFields(match.task.inputs, query),
    searchesOf(readTrajectory(trajectory)),
  );
  if (plan.kind === "finish") return finish(plan.thought, trace);
  const call = (text: string) => JSON.stringify({ [search.argument]: text });
  if (plan.kind === "search")
    return { thought: plan.thought, tool: search.tool.name, args: call(plan.query), trace };
  const opening = openingQuery(match, search, prompt, context);
  return {
    thought: `Search for ${opening.query}.`,
    tool: search.tool.name,
    args: call(opening.query),
    trace: { ...opening.trace, mode: "agent" },
  };
}

/** The first query, answered as the query stage's student; first-turn demos count as its demos. */
function openingQuery(
  match: SkillMatch,
  search: { tool: ListedTool; argument: string },
  prompt: ParsedPrompt,
  context: SamplingContext,
): { query: string; trace: SimTrace } {
  const field = match.skill.queryField;
  const demos: ParsedDemo[] = prompt.demos.flatMap((demo) => {
    const opening = readTrajectory(demo.inputs.get("trajectory") ?? "").length === 0;
    const args = tryParseJson(String(demo.outputs.get("next_tool_args") ?? ""));
    const shown = isRecord(args) ? args[search.argument] : undefined;
    const tool = String(demo.outputs.get("next_tool_name") ?? "").trim();
    if (!opening || tool !== search.tool.name || typeof shown !== "string") return [];
    return [{ inputs: demo.inputs, outputs: new Map([[field, shown]]) }];
  });
  const answer = answerAsStudent(
    { task: match.task, stage: match.queryStage },
    { ...prompt, requestedOutputs: [field], demos },
    context,
  );
  const query = answer.values.find(([name]) => name === field)?.[1];
  return { query: formatValue(query ?? ""), trace: answer.trace };
}
