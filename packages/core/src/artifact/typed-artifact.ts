/**
 * Types that tie an artifact to the program it was compiled for, so that an emitted module
 * (`lathe compile --emit-ts`) stops type-checking when a signature drifts. Types only.
 *
 * A predictor is addressed by the keys of its discovered path: `answer.predict` is
 * `["answer", "predict"]`, `hops[1]` is `["hops", 1]`, the root predictor (`self`) is `[]`.
 */
import type { PredictDemo } from "../modules/predict.js";
import type { AnySignature, InferInputs, InferOutputs } from "../signatures/signature.js";
import type { Artifact, ArtifactPredictor } from "./artifact-schema.js";

/** A path as property keys and array indices. */
export type PredictorKeys = readonly (string | number)[];

type Step<T, K> =
  T extends ReadonlyMap<unknown, infer V>
    ? V
    : T extends readonly unknown[]
      ? K extends keyof T
        ? T[K]
        : T[number]
      : K extends keyof T
        ? T[K]
        : unknown;

/** The value at `Keys` inside `P`; `unknown` where a key is not public (e.g. a private member). */
export type ValueAtPath<P, Keys extends PredictorKeys> = Keys extends readonly [
  infer Head,
  ...infer Rest extends PredictorKeys,
]
  ? ValueAtPath<Step<P, Head>, Rest>
  : P;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * The signature of the predictor at `Keys`, or `undefined` when it cannot be told statically
 * (a private member, or an element of an array of differently typed predictors).
 */
export type SignatureAtPath<P, Keys extends PredictorKeys> =
  ValueAtPath<P, Keys> extends infer Value
    ? true extends IsUnion<Value>
      ? undefined
      : Value extends { readonly signature: infer S extends AnySignature }
        ? S
        : undefined
    : undefined;

/** A demo of the predictor at `Keys`: its signature's fields, each optional. */
export type DemoAtPath<P, Keys extends PredictorKeys> =
  SignatureAtPath<P, Keys> extends infer S extends AnySignature
    ? PredictDemo<S>
    : { readonly [field: string]: unknown };

type SameNames<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

/**
 * `true` when the predictor at `Keys` has exactly these input and output field names (or cannot
 * be reached statically, where only the load-time check applies), else `false`.
 */
export type FieldsMatch<P, Keys extends PredictorKeys, Inputs extends string, Outputs extends string> =
  SignatureAtPath<P, Keys> extends infer S extends AnySignature
    ? [
        SameNames<keyof InferInputs<S> & string, Inputs>,
        SameNames<keyof InferOutputs<S> & string, Outputs>,
      ] extends [true, true]
      ? true
      : false
    : true;

/** An artifact whose demos are typed by the program's signatures, predictor by predictor. */
export type TypedArtifact<P, Paths extends { readonly [path: string]: PredictorKeys }> = Omit<
  Artifact,
  "predictors"
> & {
  readonly predictors: {
    readonly [Path in keyof Paths]: Omit<ArtifactPredictor, "demos"> & {
      readonly demos: readonly DemoAtPath<P, Paths[Path]>[];
    };
  };
};
