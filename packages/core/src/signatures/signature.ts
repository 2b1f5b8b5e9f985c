import type { z } from "zod";
import { hashValue } from "../util/hash.js";
import { assertFieldName, type Field, type FieldRole } from "./field.js";
import { fieldJsonSchema, stripAnnotations } from "./json-schema.js";
import { parseShorthand } from "./shorthand.js";
import type { ShorthandInputs, ShorthandOutputs } from "./shorthand-types.js";

type Simplify<T> = { [K in keyof T]: T[K] } & unknown;

/** The field set of a signature with no fields yet. */
export type NoFields = Record<never, never>;

/** `T` with one more field `N` whose value type is the schema's output (optional if it accepts undefined). */
export type WithField<T, N extends string, S extends z.ZodType> = Simplify<
  Omit<T, N> & (undefined extends z.output<S> ? { [K in N]?: z.output<S> } : { [K in N]: z.output<S> })
>;

/**
 * What an LM step does: instructions plus ordered, typed input and output fields.
 * Immutable: every edit returns a new signature. The type parameters carry the field value
 * types, read with `InferInputs` / `InferOutputs`.
 */
export class Signature<
  In extends object = Record<string, unknown>,
  Out extends object = Record<string, unknown>,
> {
  /** Phantom member carrying the static types; it does not exist at run time. */
  declare readonly __types: { readonly inputs: In; readonly outputs: Out };
  private fingerprintCache: string | undefined;

  constructor(
    readonly instructions: string,
    readonly inputFields: readonly Field[],
    readonly outputFields: readonly Field[],
  ) {
    const seen = new Set<string>();
    for (const field of [...inputFields, ...outputFields]) {
      assertFieldName(field.name);
      if (seen.has(field.name))
        throw new TypeError(`field '${field.name}' is declared twice in the signature`);
      seen.add(field.name);
    }
  }

  /** A new signature with one more input field at the end. */
  input<N extends string, S extends z.ZodType>(
    name: N,
    schema: S,
    description?: string,
  ): Signature<WithField<In, N, S>, Out> {
    return new Signature(
      this.instructions,
      [...this.inputFields, field(name, schema, description)],
      this.outputFields,
    );
  }

  /** A new signature with one more output field at the end. */
  output<N extends string, S extends z.ZodType>(
    name: N,
    schema: S,
    description?: string,
  ): Signature<In, WithField<Out, N, S>> {
    return new Signature(this.instructions, this.inputFields, [
      ...this.outputFields,
      field(name, schema, description),
    ]);
  }

  withInstructions(instructions: string): Signature<In, Out> {
    return new Signature(instructions, this.inputFields, this.outputFields);
  }

  /** A new signature with a field inserted first among the inputs or outputs (e.g. `reasoning`). */
  prepend<N extends string, S extends z.ZodType>(
    role: "output",
    name: N,
    schema: S,
    description?: string,
  ): Signature<In, WithField<Out, N, S>>;
  prepend<N extends string, S extends z.ZodType>(
    role: "input",
    name: N,
    schema: S,
    description?: string,
  ): Signature<WithField<In, N, S>, Out>;
  prepend(role: FieldRole, name: string, schema: z.ZodType, description?: string): Signature<object, object> {
    return this.insert(role, field(name, schema, description), "start");
  }

  /** A new signature with a field added last among the inputs or outputs. */
  append<N extends string, S extends z.ZodType>(
    role: "output",
    name: N,
    schema: S,
    description?: string,
  ): Signature<In, WithField<Out, N, S>>;
  append<N extends string, S extends z.ZodType>(
    role: "input",
    name: N,
    schema: S,
    description?: string,
  ): Signature<WithField<In, N, S>, Out>;
  append(role: FieldRole, name: string, schema: z.ZodType, description?: string): Signature<object, object> {
    return this.insert(role, field(name, schema, description), "end");
  }

  /** A new signature in which field `name` has a new description. */
  withFieldDescription(name: keyof In | keyof Out, description: string): Signature<In, Out> {
    const key = String(name);
    if (!this.fields.some((candidate) => candidate.name === key)) {
      throw new TypeError(
        `the signature has no field '${key}'; its fields are ${this.fieldNames().join(", ")}`,
      );
    }
    const edit = (fields: readonly Field[]) =>
      fields.map((candidate) => (candidate.name === key ? { ...candidate, description } : candidate));
    return new Signature(this.instructions, edit(this.inputFields), edit(this.outputFields));
  }

  /** Inputs then outputs, in declaration order. */
  get fields(): readonly Field[] {
    return [...this.inputFields, ...this.outputFields];
  }

  fieldNames(): string[] {
    return this.fields.map((candidate) => candidate.name);
  }

  /**
   * Hash of the structure: field names, roles, order and JSON schemas. Instructions and
   * descriptions are left out, so tuning prompts never changes it.
   */
  get fingerprint(): string {
    this.fingerprintCache ??= hashValue({
      inputs: this.inputFields.map(structure),
      outputs: this.outputFields.map(structure),
    });
    return this.fingerprintCache;
  }

  private insert(role: FieldRole, added: Field, at: "start" | "end"): Signature<object, object> {
    const place = (fields: readonly Field[]) => (at === "start" ? [added, ...fields] : [...fields, added]);
    return role === "input"
      ? new Signature(this.instructions, place(this.inputFields), this.outputFields)
      : new Signature(this.instructions, this.inputFields, place(this.outputFields));
  }
}

function field(name: string, schema: z.ZodType, description: string | undefined): Field {
  return description === undefined ? { name, schema } : { name, schema, description };
}

function structure(candidate: Field): { name: string; schema: unknown; optional?: true } {
  const schema = stripAnnotations(fieldJsonSchema(candidate.schema));
  // The JSON Schema of `x.optional()` equals that of `x`; optionality is part of the type.
  return candidate.schema.safeParse(undefined).success
    ? { name: candidate.name, schema, optional: true }
    : { name: candidate.name, schema };
}

// biome-ignore lint/suspicious/noExplicitAny: the widest signature, used only in constraints.
export type AnySignature = Signature<any, any>;

export type InferInputs<S extends AnySignature> = S["__types"]["inputs"];
export type InferOutputs<S extends AnySignature> = S["__types"]["outputs"];

export type SignatureFromShorthand<S extends string> = Signature<ShorthandInputs<S>, ShorthandOutputs<S>>;

/**
 * Declares a signature. With a string containing `->`, parses the shorthand
 * (`"question: string -> answer: string"`, instructions optional as the second argument);
 * otherwise the string is the instructions and fields are added with `.input()`/`.output()`.
 */
export function signature<S extends string>(
  text: S,
  instructions?: string,
): S extends `${string}->${string}` ? SignatureFromShorthand<S> : Signature<NoFields, NoFields>;
export function signature(): Signature<NoFields, NoFields>;
export function signature(text = "", instructions?: string): Signature<object, object> {
  if (!text.includes("->")) return new Signature(text, [], []);
  const { inputs, outputs } = parseShorthand(text);
  return new Signature(instructions ?? "", inputs, outputs);
}
