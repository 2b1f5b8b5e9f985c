/** A dataset row: field values by name, plus any extra fields (ids, metadata) the LM never sees. */
export type Example = { readonly [field: string]: unknown };
