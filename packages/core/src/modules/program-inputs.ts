import type { Example } from "../data/example.js";
import type { Module } from "./module.js";

/**
 * The inputs a program is called with for a dataset row: only the fields it declares
 * (`inputFields`), so labels and metadata never reach the LM; the whole row when it declares none.
 */
export function programInputs(program: Module<object, object>, example: Example): Record<string, unknown> {
  const fields = program.inputFields;
  if (!fields) return { ...example };
  return Object.fromEntries(fields.filter((name) => name in example).map((name) => [name, example[name]]));
}
