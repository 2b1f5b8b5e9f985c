import type { GenerateRequest } from "../../../src/index.js";

/** A completion in the ChatAdapter's marker format. */
export function reply(values: Record<string, unknown>): string {
  const blocks = Object.entries(values).map(
    ([name, value]) => `[[ ## ${name} ## ]]\n${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return `${blocks.join("\n\n")}\n\n[[ ## completed ## ]]`;
}

/** The output fields a request asks for, e.g. ["critique", "score"]: tells predictors apart. */
export function askedFor(request: GenerateRequest): string[] {
  const query = request.messages.at(-1)?.content ?? "";
  const line = /Respond with the output fields (.*)\./.exec(query)?.[1] ?? "";
  return [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** The value of input field `name` in a request's final user message. */
export function inputValue(request: GenerateRequest | undefined, name: string): string | undefined {
  const query = request?.messages.at(-1)?.content ?? "";
  const match = new RegExp(
    `\\[\\[ ## ${name} ## \\]\\]\\n([\\s\\S]*?)(?:\\n\\n\\[\\[ ## |\\n\\nRespond with|$)`,
  ).exec(query);
  return match?.[1];
}

/** Everything a request sends, as one string. */
export function sentText(request: GenerateRequest | undefined): string {
  return (request?.messages ?? []).map((message) => message.content).join("\n");
}

/** Which predictor each recorded call went to, named by its first output field. */
export function callSequence(calls: readonly GenerateRequest[]): string[] {
  return calls.map((request) => askedFor(request)[0] ?? "?");
}
