import { decodeValue } from "../prompt/field-values.js";
import type { SimField, SimValues } from "../sim-types.js";

const fieldLine = /^(\w+):[ \t]?(.*)$/;

/** The field names a draft shows, in order: the `name: value` lines Refine renders. */
export function draftFieldNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = fieldLine.exec(line)?.[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * A draft's values, decoded to the given fields' types. A `name:` line starts a field (unknown
 * names, such as a `reasoning` line, are skipped); any other line continues the previous value.
 */
export function parseDraft(fields: readonly SimField[], text: string): SimValues {
  const known = new Map(fields.map((field) => [field.name, field]));
  const raw = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = fieldLine.exec(line);
    if (match) {
      const name = match[1]!;
      current = known.has(name) && !raw.has(name) ? [match[2]!] : undefined;
      if (current) raw.set(name, current);
    } else {
      current?.push(line);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, lines] of raw) values[name] = decodeValue(lines.join("\n").trim(), known.get(name)!.type);
  return values;
}
