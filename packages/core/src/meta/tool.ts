import type { z } from "zod";

/**
 * A function a ReAct agent may call. `parameters` is a zod object; the agent's JSON arguments
 * are validated with it, and `execute` receives the parsed, typed value. Whatever `execute`
 * returns (or throws) becomes the observation the agent sees next.
 */
export interface Tool<P extends z.ZodObject = z.ZodObject> {
  /** How the agent names the tool: letters, digits, `_` and `-`. */
  readonly name: string;
  /** What the tool does and when to use it; shown to the agent. */
  readonly description: string;
  readonly parameters: P;
  execute(args: z.output<P>): unknown;
}

const TOOL_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Declares a tool; `execute`'s argument is typed from `parameters`. */
export function tool<P extends z.ZodObject>(definition: Tool<P>): Tool<P> {
  if (!TOOL_NAME.test(definition.name)) {
    throw new TypeError(
      `invalid tool name ${JSON.stringify(definition.name)}: use letters, digits, _ and -, not starting with a digit`,
    );
  }
  if (typeof definition.execute !== "function") {
    throw new TypeError(`tool '${definition.name}' needs an execute function`);
  }
  return Object.freeze({ ...definition });
}
