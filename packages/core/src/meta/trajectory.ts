/** One step of a ReAct agent: what it thought, the tool it called with which arguments, what it saw. */
export interface ReActStep {
  readonly thought: string;
  readonly tool: string;
  /** The arguments as the agent wrote them (JSON text). */
  readonly args: string;
  readonly observation: string;
  /** The observation reports an error (unknown tool, bad arguments, a throwing tool). */
  readonly failed: boolean;
}

/** The trajectory as the agent reads it: numbered thought / tool / arguments / observation lines. */
export function renderTrajectory(steps: readonly ReActStep[]): string {
  if (steps.length === 0) return "(no steps yet)";
  return steps
    .map((step, index) =>
      [
        `thought_${index + 1}: ${step.thought}`,
        `tool_name_${index + 1}: ${step.tool}`,
        `tool_args_${index + 1}: ${step.args}`,
        `observation_${index + 1}: ${step.observation}`,
      ].join("\n"),
    )
    .join("\n\n");
}
