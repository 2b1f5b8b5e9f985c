import { z } from "zod";
import type { Field } from "./field.js";
import { SignatureSyntaxError } from "./signature-syntax-error.js";

export interface ParsedShorthand {
  readonly inputs: Field[];
  readonly outputs: Field[];
}

/**
 * Parses `"question: string, context: string[] -> answer: string, label: enum(a|b|c), note?: string"`.
 * Types: string (default), number/float, int/integer, boolean/bool, enum(a|b), and `[]` lists.
 * A `?` after a name makes the field optional.
 */
export function parseShorthand(source: string): ParsedShorthand {
  const arrow = source.indexOf("->");
  if (arrow < 0)
    throw new SignatureSyntaxError(source, source.length, "expected '->' between inputs and outputs");
  if (source.indexOf("->", arrow + 2) >= 0) {
    throw new SignatureSyntaxError(source, source.indexOf("->", arrow + 2), "only one '->' is allowed");
  }
  const seen = new Set<string>();
  const inputs = parseFieldList(source, 0, arrow, seen);
  const outputs = parseFieldList(source, arrow + 2, source.length, seen);
  if (outputs.length === 0)
    throw new SignatureSyntaxError(source, arrow + 2, "expected at least one output field");
  return { inputs, outputs };
}

function parseFieldList(source: string, start: number, end: number, seen: Set<string>): Field[] {
  const text = source.slice(start, end);
  if (text.trim() === "") return [];
  const fields: Field[] = [];
  let offset = start;
  for (const part of text.split(",")) {
    const field = parseField(source, part, offset);
    // Point at the second declaration, not at the first place the name appears as a substring.
    if (seen.has(field.name)) {
      const position = offset + part.length - part.trimStart().length;
      throw new SignatureSyntaxError(source, position, `duplicate field '${field.name}'`);
    }
    seen.add(field.name);
    fields.push(field);
    offset += part.length + 1;
  }
  return fields;
}

function parseField(source: string, part: string, offset: number): Field {
  const leading = part.length - part.trimStart().length;
  const colon = part.indexOf(":");
  const rawName = (colon < 0 ? part : part.slice(0, colon)).trim();
  if (rawName === "") throw new SignatureSyntaxError(source, offset + leading, "expected a field name");
  const optional = rawName.endsWith("?");
  const name = optional ? rawName.slice(0, -1).trimEnd() : rawName;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new SignatureSyntaxError(
      source,
      offset + leading,
      `invalid field name '${name}' (use letters, digits and underscores)`,
    );
  }
  const typeText = colon < 0 ? "string" : part.slice(colon + 1).trim();
  const typeOffset =
    colon < 0
      ? offset
      : offset + colon + 1 + (part.slice(colon + 1).length - part.slice(colon + 1).trimStart().length);
  const schema = parseType(source, typeText, typeOffset);
  return { name, schema: optional ? schema.optional() : schema };
}

function parseType(source: string, type: string, offset: number): z.ZodType {
  if (type.endsWith("[]")) return z.array(parseType(source, type.slice(0, -2).trim(), offset));
  switch (type) {
    case "string":
    case "str":
      return z.string();
    case "number":
    case "float":
      return z.number();
    case "int":
    case "integer":
      return z.number().int();
    case "boolean":
    case "bool":
      return z.boolean();
  }
  const enumMatch = /^enum\((.*)\)$/.exec(type);
  if (enumMatch) {
    const raw = enumMatch[1]!.split("|");
    const empty = raw.findIndex((value) => value.trim() === "");
    if (empty >= 0) {
      const position = offset + "enum(".length + raw.slice(0, empty).join("|").length + (empty > 0 ? 1 : 0);
      throw new SignatureSyntaxError(source, position, "enum values must not be empty");
    }
    return z.enum(raw.map((value) => value.trim()) as [string, ...string[]]);
  }
  if (type === "") throw new SignatureSyntaxError(source, offset, "expected a type after ':'");
  throw new SignatureSyntaxError(
    source,
    offset,
    `unknown type '${type}' (use string, number, int, boolean, enum(a|b), or add [] for a list)`,
  );
}
