import { z } from "zod";
import type { JsonSchema } from "../lm/language-model.js";

/** The JSON Schema of a field's output type; types JSON cannot express fall back to `{}`. */
export function fieldJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: "any",
    io: "output",
    reused: "inline",
  }) as Record<string, unknown>;
  return rest;
}

/** A copy of a JSON Schema without `description`/`title` anywhere: structure only. */
export function stripAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const stripped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description" || key === "title" || key === "examples") continue;
    // Inside `properties`, every key is a field name, not an annotation.
    stripped[key] = key === "properties" ? mapValues(value, stripAnnotations) : stripAnnotations(value);
  }
  return stripped;
}

function mapValues(value: unknown, transform: (member: unknown) => unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, transform(member)]));
}
