import type { z } from "zod";

/** One named input or output of a signature. */
export interface Field {
  readonly name: string;
  readonly schema: z.ZodType;
  /** Shown to the LM beside the field name. */
  readonly description?: string;
}

export type FieldRole = "input" | "output";

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field names become prompt markers and JSON keys, so they must be plain identifiers. */
export function assertFieldName(name: string): void {
  if (!FIELD_NAME.test(name)) {
    throw new TypeError(
      `invalid field name ${JSON.stringify(name)}: use letters, digits and underscores, not starting with a digit`,
    );
  }
}

/** The description given explicitly, or the one attached to the schema with `.describe()`. */
export function fieldDescription(field: Field): string | undefined {
  return field.description ?? field.schema.description;
}
