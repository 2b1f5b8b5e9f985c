/**
 * Prints JSON data as TypeScript source that evaluates back to the same value. Every string is
 * a double-quoted literal with everything that could end it or confuse a reader escaped, so a
 * demo holding backticks, `${...}`, `*\/`, quotes, line separators or `</script>` stays inert.
 */
export function tsLiteral(value: unknown, indent = ""): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return tsString(value);
    case "boolean":
      return String(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`cannot emit the number ${value}: it is not JSON`);
      return Object.is(value, -0) ? "0" : String(value);
    case "object":
      return Array.isArray(value) ? printArray(value, indent) : printObject(value as object, indent);
    default:
      throw new TypeError(`cannot emit a ${typeof value}: artifacts hold JSON values only`);
  }
}

/** A double-quoted string literal: JSON escaping plus line separators and HTML-significant `</`. */
export function tsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<\//g, "<\\/")
    .replace(/<!--/g, "<\\u0021--");
}

/** An object key: a bare identifier when safe, else a quoted (or, for `__proto__`, computed) key. */
export function tsKey(key: string): string {
  // `{ "__proto__": x }` would set the prototype instead of creating a property.
  if (key === "__proto__") return `[${tsString(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

const COMPACT_WIDTH = 72;

function printArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  const compact = `[${items.map((item) => tsLiteral(item, indent)).join(", ")}]`;
  if (compact.length <= COMPACT_WIDTH && !compact.includes("\n")) return compact;
  const inner = `${indent}  `;
  return `[\n${items.map((item) => `${inner}${tsLiteral(item, inner)},\n`).join("")}${indent}]`;
}

function printObject(value: object, indent: string): string {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const compact = `{ ${entries.map(([key, item]) => `${tsKey(key)}: ${tsLiteral(item, indent)}`).join(", ")} }`;
  if (compact.length <= COMPACT_WIDTH && !compact.includes("\n")) return compact;
  const inner = `${indent}  `;
  const lines = entries.map(([key, item]) => `${inner}${tsKey(key)}: ${tsLiteral(item, inner)},\n`);
  return `{\n${lines.join("")}${indent}}`;
}
