import type { ChatMessage } from "@lathe/core";

/** The value kinds Ax declares for a field in its prompt. */
export type AxFieldKind = "string" | "number" | "boolean" | "class" | "string[]" | "json";

/** A field as Ax's prompt declares it. */
export interface AxPromptField {
  /** The wire key (outputs) or the key recovered from the title (inputs). */
  readonly key: string;
  /** How Ax writes the field in demos and queries: `Sent date`, `Meeting Date`. */
  readonly title: string;
  readonly kind: AxFieldKind;
  readonly description: string;
  /** Allowed values of a `class` field. */
  readonly options?: readonly string[];
}

/** Everything a model could read from one Ax `AxGen` request. */
export interface AxPrompt {
  /** The `<task_definition>` text: the instruction an Ax optimizer tunes. */
  readonly instructions: string;
  readonly inputs: readonly AxPromptField[];
  readonly outputs: readonly AxPromptField[];
  /** Demonstrations: raw text values by key. */
  readonly demos: readonly { inputs: Map<string, string>; outputs: Map<string, string> }[];
  readonly query: Map<string, string>;
}

/** Ax's `toTitle` reversed: `Sent date` → `sent_date`, `Component Key` → `component_key`. */
export function keyFromTitle(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, "_");
}

const between = (text: string, tag: string) => {
  const match = new RegExp(`<${tag}>\\n?([\\s\\S]*?)\\n?</${tag}>`).exec(text);
  return match?.[1]?.trim();
};

function kindOf(declaration: string): AxFieldKind {
  if (/\bclass\b/.test(declaration)) return "class";
  if (/\barray of string\b/.test(declaration)) return "string[]";
  if (/\bjson\b|\bobject\b|\barray\b/.test(declaration)) return "json";
  if (/\bnumber\b/.test(declaration)) return "number";
  if (/\bboolean\b/.test(declaration)) return "boolean";
  return "string";
}

function parseInputFields(block: string): AxPromptField[] {
  return block
    .split("\n")
    .filter((line) => /^[A-Z][^:]*: /.test(line) && !line.startsWith("**"))
    .map((line) => {
      const [title, ...rest] = line.split(": ");
      const description = rest.join(": ").replace(/^\(optional\)\s*/i, "");
      const kind: AxFieldKind = /\bjson\b/i.test(description) ? "json" : "string";
      return { key: keyFromTitle(title!), title: title!, kind, description };
    });
}

function parseOutputFields(block: string): AxPromptField[] {
  const fields: AxPromptField[] = [];
  for (const line of block.split("\n")) {
    const match = /^(.+?) \(wire key: `(\w+)`\): (?:\(([^)]*)\))?\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, title, key, declaration = "", rest = ""] = match;
    const allowed = /Allowed values: (.*)$/.exec(rest)?.[1];
    const description = rest.replace(/\s*Allowed values: .*$/, "").trim();
    fields.push({
      key: key!,
      title: title!,
      kind: kindOf(declaration),
      description,
      ...(allowed ? { options: allowed.split(/,\s*/).map((value) => value.trim().replace(/\.$/, "")) } : {}),
    });
  }
  return fields;
}

/** Reads `Title: value` blocks; a value runs until the next line that starts with a known title. */
export function readValues(text: string, fields: readonly AxPromptField[]): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const field of fields) {
    byLabel.set(field.title.toLowerCase(), field.key);
    byLabel.set(field.key.toLowerCase(), field.key);
  }
  const values = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of text.split("\n")) {
    const label = /^([^:\n]{1,60}):(?: (.*))?$/.exec(line);
    const key = label ? byLabel.get(label[1]!.trim().toLowerCase()) : undefined;
    if (key !== undefined && !values.has(key)) {
      current = key;
      values.set(key, label![2] === undefined ? [] : [label![2]]);
    } else if (current !== undefined) {
      values.get(current)!.push(line);
    }
  }
  return new Map([...values].map(([key, lines]) => [key, lines.join("\n").trim()]));
}

const endOfExamples = "--- END OF EXAMPLES ---";

/** Parses a request made by Ax's `AxGen` prompt template; undefined when it is not one. */
export function parseAxPrompt(messages: readonly ChatMessage[]): AxPrompt | undefined {
  const system = messages.find((message) => message.role === "system")?.content ?? "";
  const inputBlock = between(system, "input_fields");
  const outputBlock = between(system, "output_fields");
  if (inputBlock === undefined || outputBlock === undefined) return undefined;
  const inputs = parseInputFields(inputBlock);
  const outputs = parseOutputFields(outputBlock);

  // Demos are user/assistant pairs before the final query; anything after the query (Ax's
  // error-correction turns) is dropped, since the model answers the query afresh.
  const turns = messages.filter((message) => message.role !== "system");
  const queryIndex = turns.findIndex(
    (message) => message.role === "user" && message.content.includes(endOfExamples),
  );
  const lastUser = queryIndex >= 0 ? queryIndex : turns.findIndex((message) => message.role === "user");
  const demos: AxPrompt["demos"][number][] = [];
  for (let index = 0; index + 1 < lastUser; index += 2) {
    const [user, assistant] = [turns[index]!, turns[index + 1]!];
    if (user.role !== "user" || assistant.role !== "assistant") continue;
    demos.push({ inputs: readValues(user.content, inputs), outputs: readValues(assistant.content, outputs) });
  }
  const queryText = turns[lastUser]?.content ?? "";
  const afterMarker = queryText.includes("REAL USER QUERY:")
    ? queryText.slice(queryText.indexOf("REAL USER QUERY:") + "REAL USER QUERY:".length)
    : queryText;
  return {
    instructions: between(system, "task_definition") ?? "",
    inputs,
    outputs,
    demos,
    query: readValues(afterMarker, inputs),
  };
}
