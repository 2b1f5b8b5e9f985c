import { isRecord, tryParseJson } from "../prompt/field-values.js";

/** A tool as ReAct lists it in the agent's instructions. */
export interface ListedTool {
  readonly name: string;
  readonly description: string;
  /** The arguments' JSON Schema, when the line shows one. */
  readonly parameters: Readonly<Record<string, unknown>> | undefined;
}

const toolLine = /^\(\d+\) ([A-Za-z_][\w-]*): (.*?)(?: Arguments \(JSON Schema\): (\{.*\}))?\s*$/;

/** The tools listed as `(n) name: description Arguments (JSON Schema): {...}`, `finish` excluded. */
export function readTools(systemText: string): ListedTool[] {
  const tools: ListedTool[] = [];
  for (const line of systemText.split(/\r?\n/)) {
    const match = toolLine.exec(line.trim());
    if (!match || match[1] === "finish") continue;
    const schema = match[3] === undefined ? undefined : tryParseJson(match[3]);
    tools.push({
      name: match[1]!,
      description: match[2]!,
      parameters: isRecord(schema) ? schema : undefined,
    });
  }
  return tools;
}

/** The argument a search query goes in: the first required string property, else the first string one. */
export function queryArgument(tool: ListedTool): string | undefined {
  const properties = tool.parameters?.properties;
  if (!isRecord(properties)) return undefined;
  const strings = Object.entries(properties)
    .filter(([, schema]) => isRecord(schema) && schema.type === "string")
    .map(([name]) => name);
  const required = tool.parameters?.required;
  const requiredNames = Array.isArray(required) ? required : [];
  return strings.find((name) => requiredNames.includes(name)) ?? strings[0];
}

/** The first listed tool that takes a string argument: what the agent searches with. */
export function findSearchTool(
  tools: readonly ListedTool[],
): { tool: ListedTool; argument: string } | undefined {
  for (const tool of tools) {
    const argument = queryArgument(tool);
    if (argument !== undefined) return { tool, argument };
  }
  return undefined;
}
