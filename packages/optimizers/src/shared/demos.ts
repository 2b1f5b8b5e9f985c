import type { Demo, Example, Predictor } from "@lathe/core";

/** The example's values for the predictor's signature fields (extra fields such as ids are left out). */
export function exampleAsDemo(example: Example, predictor: Predictor): Demo {
  const demo: Record<string, unknown> = {};
  for (const field of predictor.signature.fields) {
    if (example[field.name] !== undefined) demo[field.name] = example[field.name];
  }
  return demo;
}
