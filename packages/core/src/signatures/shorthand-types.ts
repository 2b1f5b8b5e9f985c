/**
 * Type-level parser for the signature shorthand, so that
 * `signature("question: string, context: string[] -> answer: string")` is fully typed.
 * Mirrors the runtime parser in `shorthand.ts`.
 */

type Whitespace = " " | "\n" | "\t";
type Trim<S extends string> = S extends `${Whitespace}${infer Rest}`
  ? Trim<Rest>
  : S extends `${infer Rest}${Whitespace}`
    ? Trim<Rest>
    : S;

type Split<S extends string, D extends string> = S extends `${infer Head}${D}${infer Tail}`
  ? [Head, ...Split<Tail, D>]
  : [S];

type EnumValues<S extends string> = Trim<Split<S, "|">[number]>;

/** The TypeScript type of a shorthand type name. */
export type ShorthandType<T extends string> = T extends `${infer Element}[]`
  ? ShorthandType<Trim<Element>>[]
  : T extends "string" | "str" | ""
    ? string
    : T extends "number" | "float" | "int" | "integer"
      ? number
      : T extends "boolean" | "bool"
        ? boolean
        : T extends `enum(${infer Values})`
          ? EnumValues<Values>
          : unknown;

type FieldEntry<F extends string> = F extends `${infer Name}:${infer Type}`
  ? [Trim<Name>, ShorthandType<Trim<Type>>]
  : [Trim<F>, string];

type Entries<S extends string> = FieldEntry<Split<S, ",">[number]>;

type Simplify<T> = { [K in keyof T]: T[K] } & unknown;

type ObjectOf<E extends [string, unknown]> = Simplify<
  { [P in E as P[0] extends `${string}?` ? never : P[0]]: P[1] } & {
    [P in E as P[0] extends `${infer Name}?` ? Trim<Name> : never]?: P[1];
  }
>;

// An empty side (`"-> poem"`) has no fields, as at run time.
type FieldsOf<S extends string> = Trim<S> extends "" ? Record<never, never> : ObjectOf<Entries<S>>;

type Sides<S extends string> = S extends `${infer Inputs}->${infer Outputs}` ? [Inputs, Outputs] : never;

export type ShorthandInputs<S extends string> = string extends S
  ? Record<string, unknown>
  : FieldsOf<Sides<S>[0]>;

export type ShorthandOutputs<S extends string> = string extends S
  ? Record<string, unknown>
  : FieldsOf<Sides<S>[1]>;
