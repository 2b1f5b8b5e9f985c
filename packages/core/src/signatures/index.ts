export { type Field, type FieldRole, fieldDescription } from "./field.js";
export { fieldJsonSchema } from "./json-schema.js";
export { parseShorthand } from "./shorthand.js";
export type { ShorthandInputs, ShorthandOutputs, ShorthandType } from "./shorthand-types.js";
export {
  type AnySignature,
  type InferInputs,
  type InferOutputs,
  Signature,
  type SignatureFromShorthand,
  signature,
  type WithField,
} from "./signature.js";
export { SignatureSyntaxError } from "./signature-syntax-error.js";
