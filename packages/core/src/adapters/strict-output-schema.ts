import type { JsonSchema } from "../lm/language-model.js";
import { fieldJsonSchema } from "../signatures/json-schema.js";
import type { AnySignature } from "../signatures/signature.js";

/**
 * The outputs as one JSON Schema object in the form OpenAI's strict mode demands: every
 * property required, optional ones made nullable, no additional properties (recursively).
 */
export function strictOutputSchema(signature: AnySignature): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const field of signature.outputFields) {
    const schema = strictify(fieldJsonSchema(field.schema));
    const optional = field.schema.safeParse(undefined).success;
    properties[field.name] = optional ? { anyOf: [schema, { type: "null" }] } : schema;
  }
  return {
    type: "object",
    properties,
    required: signature.outputFields.map((field) => field.name),
    additionalProperties: false,
  };
}

function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (schema === null || typeof schema !== "object") return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === "properties" ? mapValues(value, strictify) : strictify(value);
  }
  if (copy.type === "object" && copy.properties && typeof copy.properties === "object") {
    copy.required = Object.keys(copy.properties);
    copy.additionalProperties = false;
  }
  return copy;
}

function mapValues(value: unknown, transform: (member: unknown) => unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, transform(member)]));
}
