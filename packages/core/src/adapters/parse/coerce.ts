import { extractJsonObject } from "./extract-json.js";

type Schema = Record<string, unknown>;

/**
 * Nudges a loosely written value towards a field's JSON Schema before zod validates it:
 * "42" → 42, "Yes" → true, "Billing." → "billing", a bullet list → string[]. Values that
 * cannot be read are returned as they are, so that validation reports the real problem.
 */
export function coerceToSchema(value: unknown, schema: Schema, fromText = true): unknown {
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(alternatives)) {
    if (value === null && alternatives.some((option) => option.type === "null")) return null;
    const primary = alternatives.find((option) => option.type !== "null");
    return primary ? coerceToSchema(value, primary, fromText) : value;
  }
  if (Array.isArray(schema.enum)) return coerceEnum(value, schema.enum);
  switch (schema.type) {
    case "number":
    case "integer":
      return coerceNumber(value);
    case "boolean":
      return coerceBoolean(value);
    case "string":
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      // A JSON string is exactly what the model meant; only text read out of prose is tidied.
      return fromText ? stripQuotes(value) : value;
    case "array":
      return coerceArray(value, (schema.items as Schema | undefined) ?? {}, fromText);
    case "object":
      return typeof value === "string" ? (extractJsonObject(value) ?? value) : value;
    default:
      return value;
  }
}

/**
 * `text` without leading characters from `leading` and trailing ones from `trailing`. A loop, as
 * a `[...]+$` regex retries from every character of a long run (quadratic time).
 */
function stripEnds(text: string, leading: string, trailing: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && leading.includes(text[start]!)) start++;
  while (end > start && trailing.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function stripQuotes(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function coerceNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const cleaned = stripEnds(value.trim(), `"'\`*`, `"'\`*.`);
  const numbers = cleaned.match(/-?\$?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?/gi);
  if (numbers?.length !== 1) return value;
  const parsed = Number(numbers[0]!.replace(/[$,]/g, ""));
  return Number.isFinite(parsed) ? parsed : value;
}

function coerceBoolean(value: unknown): unknown {
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value !== "string") return value;
  const word = stripEnds(value.trim().toLowerCase(), `"'\`*`, `"'\`*.!`);
  if (["true", "yes", "y", "1"].includes(word)) return true;
  if (["false", "no", "n", "0"].includes(word)) return false;
  return value;
}

function coerceEnum(value: unknown, options: readonly unknown[]): unknown {
  if (typeof value !== "string") return value;
  const cleaned = stripEnds(value.trim(), `"'\`*`, `"'\`*.!`).trim();
  const exact = options.find((option) => String(option) === cleaned);
  if (exact !== undefined) return exact;
  const folded = options.filter((option) => String(option).toLowerCase() === cleaned.toLowerCase());
  return folded.length === 1 ? folded[0] : value;
}

function coerceArray(value: unknown, items: Schema, fromText: boolean): unknown {
  let list: unknown = value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    list = trimmed.startsWith("[") ? parseJsonArray(trimmed) : splitList(trimmed);
  }
  return Array.isArray(list) ? list.map((item) => coerceToSchema(item, items, fromText)) : value;
}

function parseJsonArray(text: string): unknown {
  const wrapped = extractJsonObject(`{"list": ${text}}`);
  return wrapped?.list ?? text;
}

function splitList(text: string): string[] {
  if (text === "") return [];
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const bullet = /^(?:[-*•]|\d+[.)])\s+/;
  if (lines.length > 1 || bullet.test(lines[0] ?? "")) return lines.map((line) => line.replace(bullet, ""));
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
