/**
 * Finds a JSON object in an LM completion: inside code fences or chatter, with common
 * mistakes repaired (trailing commas, single quotes, bare keys, Python literals).
 * Returns undefined when there is no usable object; never throws.
 */
export function extractJsonObject(text: string): Record<string, unknown> | undefined {
  for (const candidate of candidates(text)) {
    const parsed = parseLenient(candidate);
    if (parsed !== undefined && parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  }
  return undefined;
}

function* candidates(text: string): Generator<string> {
  // A reply that is one object as a whole (structured outputs) comes first: a string value in it
  // may itself hold a code fence, which must not be mistaken for the reply's own fence.
  const whole = text.trim();
  if (whole.startsWith("{")) yield whole;
  // The first fenced block (its language tag holds no brace). indexOf, not a regex: a regex
  // backtracks quadratically on an unclosed fence.
  const open = text.indexOf("```");
  const close = open < 0 ? -1 : text.indexOf("```", open + 3);
  if (close >= 0) {
    const inner = balancedObject(text.slice(open + 3, close));
    if (inner) yield inner;
  }
  const outer = balancedObject(text);
  if (outer) yield outer;
}

/** The first `{ ... }` span whose braces balance, skipping braces inside strings. */
export function balancedObject(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return text.slice(start, index + 1);
  }
  return undefined;
}

function parseLenient(candidate: string): unknown {
  const strict = tryParse(candidate);
  if (strict.ok) return strict.value;
  const repaired = tryParse(repair(candidate));
  return repaired.ok ? repaired.value : undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Not JSON as written; the caller tries a repaired form or another candidate.
    return { ok: false };
  }
}

/** Rewrites JSON-ish text token by token, outside of strings only. */
function repair(text: string): string {
  let output = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      const end = stringEnd(text, index);
      const body = text.slice(index + 1, end);
      output += char === '"' ? `"${body}"` : JSON.stringify(body.replace(/\\'/g, "'"));
      index = end + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))?.[0];
    if (word) {
      const literal: Record<string, string> = { True: "true", False: "false", None: "null" };
      const isKey = /^\s*:/.test(text.slice(index + word.length));
      output += isKey ? JSON.stringify(word) : (literal[word] ?? word);
      index += word.length;
      continue;
    }
    if (char === ",") {
      // Drop a trailing comma before a closing bracket.
      if (/^,\s*[}\]]/.test(text.slice(index))) {
        index++;
        continue;
      }
    }
    output += char;
    index++;
  }
  return output;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === quote) return index;
  }
  return text.length;
}
