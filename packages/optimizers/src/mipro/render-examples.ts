import type { Module } from "@lathe/core";

/** The names of every field of every predictor, in discovery order: what an example may show. */
export function programFieldNames(program: Module): string[] {
  const names = new Set<string>();
  for (const [, predictor] of program.namedPredictors()) {
    for (const field of predictor.signature.fields) names.add(field.name);
  }
  return [...names];
}

/**
 * Rows as numbered blocks of `field: value` lines, showing only `fields` (ids and metadata
 * never reach the teacher).
 */
export function renderExamples(
  rows: readonly Readonly<Record<string, unknown>>[],
  fields: readonly string[],
): string {
  return rows
    .map((row, index) => {
      const lines = fields
        .filter((field) => row[field] !== undefined)
        .map((field) => `${field}: ${renderValue(row[field])}`);
      return [`Example ${index + 1}:`, ...lines].join("\n");
    })
    .join("\n\n");
}

function renderValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
