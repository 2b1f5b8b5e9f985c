import { renderMarkers } from "./field-markers.js";
import { formatValue, tryParseJson } from "./field-values.js";
import type { ParsedPrompt } from "./parse-prompt.js";

/** The JSON type a requested output should have: from the response schema, else the declared field. */
export function outputType(prompt: ParsedPrompt, name: string): string {
  const schemaType = prompt.schemaTypes.get(name);
  if (schemaType !== undefined) return schemaType;
  const declared = prompt.declaredOutputs.find((field) => field.name === name)?.type.toLowerCase() ?? "";
  if (/\bint(eger)?\b/.test(declared)) return "integer";
  if (/\b(number|float)\b/.test(declared)) return "number";
  if (/\b(bool|boolean)\b/.test(declared)) return "boolean";
  if (/\[\]|\b(array|list)\b/.test(declared)) return "array";
  return "string";
}

function coerce(value: unknown, type: string): unknown {
  switch (type) {
    case "string":
      return formatValue(value);
    case "number":
    case "integer": {
      const number = typeof value === "number" ? value : Number(formatValue(value).replace(/,/g, ""));
      if (!Number.isFinite(number)) return 0;
      return type === "integer" ? Math.round(number) : number;
    }
    case "boolean":
      return typeof value === "boolean" ? value : /^true$/i.test(formatValue(value));
    case "array":
      if (Array.isArray(value)) return value;
      return typeof value === "string" ? (tryParseJson(value) ?? [value]) : [value];
    default:
      return value;
  }
}

/** Writes the answer in the prompt's format: one JSON object, or field markers then `completed`. */
export function renderCompletion(
  prompt: ParsedPrompt,
  values: readonly (readonly [string, unknown])[],
): string {
  if (prompt.jsonMode) {
    const object: Record<string, unknown> = {};
    for (const [name, value] of values) object[name] = coerce(value, outputType(prompt, name));
    return JSON.stringify(object);
  }
  if (values.length === 0) return "I am not sure what is being asked.";
  return renderMarkers(values.map(([name, value]): [string, string] => [name, formatValue(value)]));
}
