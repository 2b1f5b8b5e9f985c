import { z } from "zod";
import { fieldJsonSchema } from "../../signatures/json-schema.js";
import type { AnySignature } from "../../signatures/signature.js";
import type { ParseResult } from "../prompt-adapter.js";
import { coerceToSchema } from "./coerce.js";
import { extractJsonObject } from "./extract-json.js";
import { extractLabelledLines, extractMarkedSections, unfence } from "./extract-sections.js";

export type Extraction = "json" | "markers";

type Extracted = { readonly [field: string]: unknown };

/**
 * Reads a signature's output fields out of a completion and validates them with zod.
 * Tries the preferred layout first, then the other one, then `field: value` lines, then (for
 * a single output) the whole text; reports the preferred layout's error if all fail.
 */
export function parseOutputs(
  signature: AnySignature,
  completion: string,
  preferred: Extraction,
): ParseResult {
  const names = signature.outputFields.map((field) => field.name);
  const order: Extraction[] = preferred === "json" ? ["json", "markers"] : ["markers", "json"];
  let firstError: string | undefined;
  // Once a layout has delivered a field, its value is the model's answer: the whole-text
  // fallback must not reinterpret the reply (e.g. `{"answer": null}` as the text of an answer).
  let structured = false;
  for (const extraction of order) {
    const values = extract(extraction, completion, names);
    if (values === undefined) {
      firstError ??=
        extraction === "json" ? "the reply contains no JSON object" : "the reply contains no field markers";
      continue;
    }
    structured ||= names.some((name) => values[name] !== undefined);
    const result = validate(signature, values, extraction === "markers");
    if (result.success) return result;
    firstError ??= result.error;
  }
  for (const values of fallbacks(completion, names, structured)) {
    const result = validate(signature, values, true);
    if (result.success) return result;
  }
  return { success: false, error: firstError ?? "the reply could not be read" };
}

function extract(
  extraction: Extraction,
  completion: string,
  names: readonly string[],
): Extracted | undefined {
  if (extraction === "json") return extractJsonObject(completion);
  const sections = extractMarkedSections(completion, names);
  return sections.size === 0 ? undefined : Object.fromEntries(sections);
}

function* fallbacks(completion: string, names: readonly string[], structured: boolean): Generator<Extracted> {
  const labelled = extractLabelledLines(completion, names);
  if (labelled.size > 0) yield Object.fromEntries(labelled);
  if (names.length === 1 && !structured) yield { [names[0]!]: unfence(completion) };
}

/** `fromText`: values were read out of free text, so strings may be trimmed and unquoted. */
function validate(signature: AnySignature, values: Extracted, fromText: boolean): ParseResult {
  const coerced: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of signature.outputFields) {
    const raw = ownValue(values, field.name) ?? ownValue(values, caseInsensitiveKey(values, field.name));
    const optional = field.schema.safeParse(undefined).success;
    if (raw === undefined || (raw === null && optional)) {
      if (!optional) missing.push(field.name);
      continue;
    }
    coerced[field.name] = coerceToSchema(raw, fieldJsonSchema(field.schema), fromText);
  }
  if (missing.length > 0) {
    return {
      success: false,
      error: `missing output field${missing.length > 1 ? "s" : ""} ${quoteAll(missing)}`,
    };
  }
  const parsed = outputObjectSchema(signature).safeParse(coerced);
  if (parsed.success) return { success: true, data: parsed.data as Record<string, unknown> };
  return { success: false, error: describeIssues(parsed.error) };
}

const objectSchemas = new WeakMap<AnySignature, z.ZodType>();

/** A zod object of the signature's outputs (unknown keys dropped). */
export function outputObjectSchema(signature: AnySignature): z.ZodType {
  let schema = objectSchemas.get(signature);
  if (!schema) {
    schema = z.object(Object.fromEntries(signature.outputFields.map((field) => [field.name, field.schema])));
    objectSchemas.set(signature, schema);
  }
  return schema;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `field \`${issue.path.map(String).join(".") || "(root)"}\`: ${issue.message}`)
    .join("; ");
}

/** Only the reply's own keys: a field named `constructor` must not read Object's. */
function ownValue(values: Extracted, key: string | undefined): unknown {
  return key !== undefined && Object.hasOwn(values, key) ? values[key] : undefined;
}

function caseInsensitiveKey(values: Extracted, name: string): string | undefined {
  return Object.keys(values).find((key) => key.toLowerCase() === name.toLowerCase());
}

function quoteAll(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}
