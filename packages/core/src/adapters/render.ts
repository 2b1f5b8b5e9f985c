import type { ChatMessage } from "../lm/language-model.js";
import { type Field, fieldDescription } from "../signatures/field.js";
import { fieldJsonSchema } from "../signatures/json-schema.js";
import type { AnySignature } from "../signatures/signature.js";
import type { Demo, FormatInput } from "./prompt-adapter.js";

/** The marker line that opens a field's value in the text formats. */
export function marker(name: string): string {
  return `[[ ## ${name} ## ]]`;
}

export const COMPLETED_MARKER = marker("completed");

/** Strings are written raw; everything else as compact JSON. */
export function renderValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A human-readable type for a field, e.g. `one of: "a", "b"` or `list of string`. */
export function typeLabel(field: Field): string {
  const label = describeSchema(fieldJsonSchema(field.schema));
  return field.schema.safeParse(undefined).success ? `${label}, optional` : label;
}

function describeSchema(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum))
    return `one of: ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  if (schema.const !== undefined) return `exactly ${JSON.stringify(schema.const)}`;
  const alternatives = (schema.anyOf ?? schema.oneOf) as Record<string, unknown>[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map(describeSchema).join(" or ");
  switch (schema.type) {
    case "array":
      return `list of ${describeSchema((schema.items as Record<string, unknown>) ?? {})}`;
    case "object":
      return `JSON object matching ${JSON.stringify(schema)}`;
    case "integer":
      return "integer";
    case "null":
      return "null";
    case undefined:
      return "any JSON value";
    default:
      return String(schema.type);
  }
}

function fieldLines(fields: readonly Field[]): string {
  return fields
    .map((field, index) => {
      const description = fieldDescription(field);
      return `${index + 1}. \`${field.name}\` (${typeLabel(field)})${description ? `: ${description}` : ""}`;
    })
    .join("\n");
}

/** Instructions, or a neutral default naming the fields when a signature has none. */
export function effectiveInstructions(signature: AnySignature, override: string | undefined): string {
  const text = (override ?? signature.instructions).trim();
  if (text !== "") return text;
  const names = (fields: readonly Field[]) => fields.map((field) => `\`${field.name}\``).join(", ");
  return `Given the fields ${names(signature.inputFields)}, produce the fields ${names(signature.outputFields)}.`;
}

/** The system message's common part: instructions, then the typed field lists. */
export function systemHeader(signature: AnySignature, instructions: string | undefined): string {
  return [
    effectiveInstructions(signature, instructions),
    "",
    "Your input fields are:",
    fieldLines(signature.inputFields),
    "Your output fields are:",
    fieldLines(signature.outputFields),
  ].join("\n");
}

/** Marker blocks for the given fields, skipping values that are absent. */
export function renderMarkedFields(fields: readonly Field[], values: Demo): string {
  return fields
    .filter((field) => values[field.name] !== undefined)
    .map((field) => `${marker(field.name)}\n${renderValue(values[field.name])}`)
    .join("\n\n");
}

export function respondLine(signature: AnySignature): string {
  return `Respond with the output fields ${signature.outputFields.map((field) => `\`${field.name}\``).join(", ")}.`;
}

/** A demo is shown only if it has at least one input and one output value. */
export function usableDemos(signature: AnySignature, demos: readonly Demo[]): Demo[] {
  const has = (demo: Demo, fields: readonly Field[]) =>
    fields.some((field) => demo[field.name] !== undefined);
  return demos.filter((demo) => has(demo, signature.inputFields) && has(demo, signature.outputFields));
}

/** system, then each demo as a user/assistant pair, then the query. */
export function assembleMessages(
  system: string,
  signature: AnySignature,
  input: FormatInput,
  renderDemoOutputs: (demo: Demo) => string,
  queryFooter: string,
): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: "system", content: system }];
  for (const demo of usableDemos(signature, input.demos)) {
    messages.push({ role: "user", content: renderMarkedFields(signature.inputFields, demo) });
    messages.push({ role: "assistant", content: renderDemoOutputs(demo) });
  }
  const query = renderMarkedFields(signature.inputFields, input.inputs);
  messages.push({ role: "user", content: query === "" ? queryFooter : `${query}\n\n${queryFooter}` });
  return messages;
}
