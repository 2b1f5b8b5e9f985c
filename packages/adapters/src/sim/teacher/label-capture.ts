import { decodeValue, normaliseText, tryParseJson, valuesEqual } from "../prompt/field-values.js";

/** A value found in free text next to a field label, and where it starts. */
export interface CapturedValue {
  readonly index: number;
  readonly value: string;
}

const patternCache = new Map<string, RegExp[]>();

function patternsFor(field: string): RegExp[] {
  const cached = patternCache.get(field);
  if (cached) return cached;
  const spellings = [...new Set([field, field.replace(/_/g, " ")])].map((name) =>
    name.replace(/[^\w ]/g, ""),
  );
  const name = `(?:${spellings.join("|")})`;
  const patterns = [
    // [[ ## field ## ]] then the value up to the next marker or blank line
    new RegExp(
      `\\[\\[ ## ${name} ## \\]\\][ \\t]*\\r?\\n([\\s\\S]*?)(?=\\r?\\n[ \\t]*\\[\\[ ## |\\r?\\n[ \\t]*\\r?\\n|$)`,
      "gi",
    ),
    // "field": value (JSON or a Python dict)
    new RegExp(
      `["']${name}["']\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|\\[[^\\]]*\\]|-?\\d+(?:\\.\\d+)?|true|false|True|False|null|None)`,
      "gi",
    ),
    // ### field, value on the next line
    new RegExp(`^[ \\t]*#+[ \\t]*${name}[ \\t]*:?[ \\t]*\\r?\\n[ \\t]*(\\S.*)`, "gim"),
    // field: value, to the end of the line
    new RegExp(`(?:^|[\\s>*\\-(,;{])[*_\`]*${name}[*_\`]*[ \\t]*[:=][ \\t]*(\\S.*)`, "gim"),
  ];
  patternCache.set(field, patterns);
  return patterns;
}

function cleanValue(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const parsed = tryParseJson(text);
    if (typeof parsed === "string") return parsed;
  }
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2)
    return text.slice(1, -1).replace(/\\'/g, "'");
  return text.replace(/^[`*_"]+|[`*_"]+$/g, "").trim();
}

/** Every value shown next to a label for `field` (markers, JSON keys, headers, `field: value`). */
export function captureLabeledValues(text: string, field: string): CapturedValue[] {
  const found = new Map<number, string>();
  for (const pattern of patternsFor(field)) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const raw = match[1];
      if (raw === undefined) continue;
      const index = (match.index ?? 0) + match[0].indexOf(raw);
      if (!found.has(index)) found.set(index, cleanValue(raw));
    }
  }
  return [...found.entries()]
    .sort(([left], [right]) => left - right)
    .map(([index, value]) => ({ index, value }));
}

/**
 * Whether a captured value shows `expected`: equal to it, starting with it ("billing (got
 * technical)"), or stating it as expected ("expected \"billing\", got ...").
 */
export function showsValue(captured: string, expected: unknown): boolean {
  const text = normaliseText(captured);
  if (Array.isArray(expected)) {
    const list = decodeValue(captured, "string[]");
    const commaList = captured.split(/,\s*|\s+and\s+/).map((item) => item.trim());
    const json = normaliseText(JSON.stringify(expected));
    return (
      valuesEqual(list, expected) || valuesEqual(commaList, expected) || text.includes(`expected ${json}`)
    );
  }
  const wanted = normaliseText(expected);
  if (wanted === "") return false;
  if (text === wanted) return true;
  if (text.startsWith(wanted) && !/\w/.test(text.charAt(wanted.length))) return true;
  return text.includes(`expected ${wanted}`) || text.includes(`expected "${wanted}"`);
}
