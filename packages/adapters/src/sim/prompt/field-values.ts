import type { SimFieldType } from "../sim-types.js";

/** Parses JSON, or returns undefined: a completion that is not JSON is an expected case here. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first JSON object in a text, tolerating code fences and chatter around it. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  const value = tryParseJson(text.slice(start, end + 1));
  return isRecord(value) ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Turns a raw prompt value (text from a marker, or an already typed JSON value) into a field value. */
export function decodeValue(raw: unknown, type: SimFieldType): unknown {
  if (typeof raw !== "string") {
    if (type === "string[]" && Array.isArray(raw)) return raw.map((item) => String(item));
    return raw;
  }
  const text = raw.trim();
  switch (type) {
    case "string":
      return raw;
    case "enum":
      return text.replace(/^["'`]|["'`]$/g, "");
    case "number": {
      const number = Number(text.replace(/,/g, ""));
      return Number.isFinite(number) && text !== "" ? number : raw;
    }
    case "boolean":
      if (/^true$/i.test(text)) return true;
      if (/^false$/i.test(text)) return false;
      return raw;
    case "string[]": {
      const parsed = tryParseJson(text);
      if (Array.isArray(parsed)) return parsed.map((item) => String(item));
      return text
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
        .filter((line) => line !== "");
    }
  }
}

/** How a value is written in a prompt: strings raw, everything else as JSON. */
export function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** Loose equality for comparing answers: trimmed case-insensitive text, numbers, sets of strings. */
export function valuesEqual(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    const normalise = (items: readonly unknown[]) =>
      [...new Set(items.map(normaliseText))].sort().join("\u0000");
    return normalise(left) === normalise(right);
  }
  if (typeof left === "number" || typeof right === "number") {
    const a = Number(left);
    const b = Number(right);
    return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < 1e-6;
  }
  return normaliseText(left) === normaliseText(right);
}

export function normaliseText(value: unknown): string {
  return formatValue(value)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.!]+$/, "");
}
