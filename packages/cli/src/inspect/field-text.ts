import type { ArtifactFieldInfo } from "@lathe/core";

/** A JSON Schema as a short type: `string`, `number[]`, `enum(a|b)`, `object`. */
export function schemaTypeText(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return `enum(${schema.enum.map(String).join("|")})`;
  if (schema.type === "array" && schema.items && typeof schema.items === "object") {
    return `${schemaTypeText(schema.items as Record<string, unknown>)}[]`;
  }
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf.map((member) => schemaTypeText(member as Record<string, unknown>)).join(" | ");
  }
  if (schema.type === "integer") return "int";
  return typeof schema.type === "string" ? schema.type : "any";
}

/** `question: string, context: string[] -> answer: string` */
export function signatureText(fields: {
  inputs: readonly ArtifactFieldInfo[];
  outputs: readonly ArtifactFieldInfo[];
}): string {
  const side = (list: readonly ArtifactFieldInfo[]) =>
    list.map((field) => `${field.name}: ${schemaTypeText(field.schema)}`).join(", ");
  return `${side(fields.inputs)} -> ${side(fields.outputs)}`;
}

/** The first line of a text, shortened to `width` characters. */
export function preview(text: string, width = 100): string {
  const first = text.split("\n")[0] ?? "";
  const more = text.includes("\n") || first.length > width;
  return `${first.slice(0, width)}${more ? " …" : ""}`;
}
