/** Flattens an intersection into one object type, for readable hovers and exact type tests. */
export type Simplify<T> = { [K in keyof T]: T[K] } & unknown;
