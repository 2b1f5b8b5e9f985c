import { renderValue } from "../adapters/render.js";
import type { Field } from "../signatures/field.js";

/** `name: value` lines for the fields that have a value (strings raw, anything else as JSON). */
export function renderFields(fields: readonly Field[], values: Readonly<Record<string, unknown>>): string {
  return fields
    .filter((field) => values[field.name] !== undefined)
    .map((field) => `${field.name}: ${renderValue(values[field.name])}`)
    .join("\n");
}

/** Only the values of `fields`, e.g. a signature's outputs out of a ChainOfThought result. */
export function pickFields<T>(fields: readonly Field[], values: Readonly<Record<string, unknown>>): T {
  return Object.fromEntries(
    fields
      .filter((field) => values[field.name] !== undefined)
      .map((field) => [field.name, values[field.name]]),
  ) as T;
}
