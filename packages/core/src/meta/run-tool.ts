import type { z } from "zod";
import { extractJsonObject } from "../adapters/parse/extract-json.js";
import { BudgetExceededError } from "../budget/budget-exceeded-error.js";
import type { Tool } from "./tool.js";

/** What a tool call produced, as text for the trajectory; `failed` marks error observations. */
export interface ToolOutcome {
  readonly observation: string;
  readonly failed: boolean;
}

/**
 * Calls the named tool with the agent's JSON arguments. Unknown tools, arguments that are not
 * a JSON object or fail the tool's schema, and tools that throw all become error observations the
 * agent can react to; only a budget stop propagates, since no observation can fix it.
 */
export async function runTool(
  tools: ReadonlyMap<string, Tool>,
  name: string,
  rawArgs: string,
): Promise<ToolOutcome> {
  const chosen = tools.get(name.trim());
  if (!chosen) {
    return failure(`unknown tool '${name}'; the tools are ${[...tools.keys(), "finish"].join(", ")}`);
  }
  // Lenient: code fences, chatter, single quotes and trailing commas are repaired.
  const json = rawArgs.trim() === "" ? {} : extractJsonObject(rawArgs);
  if (json === undefined) {
    return failure(
      `the arguments for '${chosen.name}' are not a JSON object; send them as {"name": value, ...}`,
    );
  }
  const parsed = chosen.parameters.safeParse(json);
  if (!parsed.success) {
    return failure(`invalid arguments for '${chosen.name}': ${describeIssues(parsed.error)}`);
  }
  try {
    return { observation: renderResult(await chosen.execute(parsed.data)), failed: false };
  } catch (error) {
    if (BudgetExceededError.isInstance(error)) throw error;
    return failure(`tool '${chosen.name}' failed: ${message(error)}`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(arguments)"}: ${issue.message}`)
    .join("; ");
}

function failure(text: string): ToolOutcome {
  return { observation: `Error: ${text}`, failed: true };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function renderResult(result: unknown): string {
  if (typeof result === "string") return result;
  if (result === undefined) return "(the tool returned nothing)";
  try {
    return JSON.stringify(result) ?? String(result);
  } catch {
    // Circular or BigInt values: their string form is the best the agent can get.
    return String(result);
  }
}
