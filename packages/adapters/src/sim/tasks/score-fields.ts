import { valuesEqual } from "../prompt/field-values.js";
import type { SimScore, SimValues } from "../sim-types.js";

/**
 * Partial credit: the share of fields the prediction got right, with feedback in the form
 * `field: expected <json>, got <json>` for each wrong field.
 */
export function scoreFields(example: SimValues, prediction: SimValues, fields: readonly string[]): SimScore {
  const wrong = fields.filter((field) => !valuesEqual(example[field], prediction[field]));
  if (wrong.length === 0) return { score: 1 };
  const feedback = wrong
    .map((field) => {
      const got = prediction[field] === undefined ? "nothing" : JSON.stringify(prediction[field]);
      return `${field}: expected ${JSON.stringify(example[field])}, got ${got}`;
    })
    .join("; ");
  return { score: 1 - wrong.length / fields.length, feedback };
}

/** The text of a field value, or "" when absent. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}
