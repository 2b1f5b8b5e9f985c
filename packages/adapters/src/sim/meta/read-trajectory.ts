import { isRecord, tryParseJson } from "../prompt/field-values.js";

/** One step of a ReAct trajectory as the agent's prompt shows it. */
export interface TrajectoryStep {
  readonly thought: string;
  readonly tool: string;
  readonly args: string;
  readonly observation: string;
}

/** A tool call read off a trajectory: its query, the passages it returned, whether it failed. */
export interface Search {
  readonly tool: string;
  readonly query: string;
  readonly passages: readonly string[];
  readonly failed: boolean;
}

const stepLine = /^(thought|tool_name|tool_args|observation)_(\d+):[ \t]?(.*)$/;
const keys = {
  thought: "thought",
  tool_name: "tool",
  tool_args: "args",
  observation: "observation",
} as const;

/** Parses `thought_1: ... / tool_name_1 / tool_args_1 / observation_1` blocks; other lines continue a value. */
export function readTrajectory(text: string): TrajectoryStep[] {
  const steps: Record<string, string>[] = [];
  let current: { step: number; key: string } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = stepLine.exec(line);
    if (match) {
      const step = Number(match[2]) - 1;
      const key = keys[match[1] as keyof typeof keys];
      steps[step] ??= {};
      steps[step]![key] = match[3]!;
      current = { step, key };
    } else if (current && line.trim() !== "") {
      steps[current.step]![current.key] += `\n${line}`;
    }
  }
  return steps
    .filter((step) => step !== undefined)
    .map((step) => ({
      thought: step.thought ?? "",
      tool: (step.tool ?? "").trim(),
      args: step.args ?? "",
      observation: step.observation ?? "",
    }));
}

/** An observation's passages: a JSON list of strings, else the whole text as one passage. */
export function observationPassages(observation: string): string[] {
  const parsed = tryParseJson(observation.trim());
  if (Array.isArray(parsed))
    return parsed.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
  return observation.trim() === "" ? [] : [observation];
}

/** Every tool call of a trajectory except `finish`, with the first string argument as its query. */
export function searchesOf(steps: readonly TrajectoryStep[]): Search[] {
  return steps
    .filter((step) => step.tool !== "finish")
    .map((step) => {
      const args = tryParseJson(step.args.trim());
      const query = isRecord(args)
        ? Object.values(args).find((value) => typeof value === "string")
        : undefined;
      const failed = step.observation.startsWith("Error:");
      return {
        tool: step.tool,
        query: typeof query === "string" ? query : "",
        passages: failed ? [] : observationPassages(step.observation),
        failed,
      };
    });
}
