import { readFile } from "node:fs/promises";
import type { AnySignature } from "../signatures/signature.js";
import { DatasetError } from "./dataset-error.js";
import type { Example } from "./example.js";

export interface JsonlOptions {
  /** Every row must have these fields. */
  readonly requiredFields?: readonly string[];
  /** Every row must carry this signature's required fields, each valid for its schema. */
  readonly signature?: AnySignature;
  /** Name used in error messages. @default the path, or "<jsonl>" */
  readonly source?: string;
}

/** Reads a JSONL file; see `parseJsonl`. */
export async function loadJsonl(path: string, options: JsonlOptions = {}): Promise<Example[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DatasetError(path, undefined, `cannot read the file (${(error as Error).message})`);
  }
  return parseJsonl(text, { source: path, ...options });
}

/**
 * One JSON object per line; blank lines are skipped. A malformed row, or one missing a field,
 * raises a DatasetError naming its line. Extra fields are kept.
 */
export function parseJsonl(text: string, options: JsonlOptions = {}): Example[] {
  const source = options.source ?? "<jsonl>";
  const examples: Example[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const row = parseRow(line, source, index + 1);
    checkRow(row, options, source, index + 1);
    examples.push(row);
  });
  if (examples.length === 0)
    throw new DatasetError(source, undefined, "the dataset is empty; add one JSON object per line");
  return examples;
}

function parseRow(line: string, source: string, lineNumber: number): Example {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DatasetError(source, lineNumber, `not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new DatasetError(source, lineNumber, "each line must be a JSON object");
  }
  return value as Example;
}

function checkRow(row: Example, options: JsonlOptions, source: string, line: number): void {
  // Own keys only: a field named `constructor` must not read Object's.
  const own = (name: string) => (Object.hasOwn(row, name) ? row[name] : undefined);
  for (const name of options.requiredFields ?? []) {
    if (own(name) === undefined) throw new DatasetError(source, line, `missing field '${name}'`);
  }
  for (const field of options.signature?.fields ?? []) {
    const value = own(field.name);
    const checked = field.schema.safeParse(value);
    if (checked.success) continue;
    if (value === undefined) throw new DatasetError(source, line, `missing field '${field.name}'`);
    throw new DatasetError(
      source,
      line,
      `field '${field.name}' ${checked.error.issues[0]?.message ?? "is invalid"}`,
    );
  }
}
