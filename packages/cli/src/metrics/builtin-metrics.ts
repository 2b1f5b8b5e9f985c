import { canonicalJson, type Example, type Metric, type MetricResult } from "@lathe/core";
import { MetricError } from "../errors/cli-errors.js";
import { normalizeText, tokens, valueText } from "./normalize-text.js";

/** A per-field comparison: a score in [0, 1] for the expected and predicted values. */
type FieldScore = (expected: unknown, predicted: unknown) => number;

/** Exact match after normalisation; lists must match element by element. */
export const exactScore: FieldScore = (expected, predicted) => {
  if (Array.isArray(expected) && Array.isArray(predicted)) {
    return Number(
      expected.length === predicted.length &&
        expected.every((item, index) => exactScore(item, predicted[index]) === 1),
    );
  }
  if (Array.isArray(expected)) return best(expected, predicted, exactScore);
  if (isPlainObject(expected) || isPlainObject(predicted)) {
    return Number(canonicalJson(expected) === canonicalJson(predicted ?? null));
  }
  return Number(normalizeText(valueText(expected)) === normalizeText(valueText(predicted)));
};

/** Token-level F1 of the normalised texts (SQuAD); a list of expected answers takes the best. */
export const f1Score: FieldScore = (expected, predicted) => {
  if (Array.isArray(expected) && !Array.isArray(predicted)) return best(expected, predicted, f1Score);
  const gold = tokens(valueText(expected));
  const guess = tokens(valueText(predicted));
  if (gold.length === 0 || guess.length === 0) return Number(gold.length === guess.length);
  const counts = new Map<string, number>();
  for (const token of gold) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of guess) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / guess.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
};

/** 1 when the normalised prediction contains the normalised expected value (any of a list). */
export const containsScore: FieldScore = (expected, predicted) => {
  if (Array.isArray(expected)) return best(expected, predicted, containsScore);
  const needle = normalizeText(valueText(expected));
  const haystack = normalizeText(valueText(predicted));
  return Number(needle === "" ? haystack === "" : ` ${haystack} `.includes(` ${needle} `));
};

const KINDS = { exact: exactScore, f1: f1Score, contains: containsScore } as const;
export type BuiltinMetricKind = keyof typeof KINDS;
export const BUILTIN_METRIC_KINDS = Object.keys(KINDS) as BuiltinMetricKind[];

/** A parsed built-in metric spec: `exact:answer`, `f1:answer`, `contains:answer`, `exact:queue,urgent`. */
export interface BuiltinMetricSpec {
  readonly kind: BuiltinMetricKind;
  readonly fields: readonly string[];
}

export function parseBuiltinMetric(spec: string): BuiltinMetricSpec | undefined {
  const match = /^([a-z0-9]+)(?::(.*))?$/.exec(spec);
  if (!match || !Object.hasOwn(KINDS, match[1]!)) return undefined;
  const kind = match[1] as BuiltinMetricKind;
  const fields = (match[2] ?? "")
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "");
  if (fields.length === 0) {
    throw new MetricError(`the metric '${spec}' names no field; write ${kind}:<field>, e.g. ${kind}:answer`);
  }
  return { kind, fields };
}

/**
 * The metric for a spec: the mean of the per-field scores, with feedback naming each field that
 * was not fully right (`answer: expected "Paris", got "Lyon"`) for the reflective optimizers.
 */
export function builtinMetric(spec: BuiltinMetricSpec): Metric {
  const score = KINDS[spec.kind];
  const metric = (example: Example, prediction: Record<string, unknown>): MetricResult => {
    const wrong: string[] = [];
    let sum = 0;
    for (const field of spec.fields) {
      const value = score(example[field], prediction[field]);
      sum += value;
      if (value < 1) {
        const got = prediction[field] === undefined ? "nothing" : JSON.stringify(prediction[field]);
        wrong.push(`${field}: expected ${JSON.stringify(example[field])}, got ${got}`);
      }
    }
    const mean = sum / spec.fields.length;
    return wrong.length === 0 ? { score: mean } : { score: mean, feedback: wrong.join("; ") };
  };
  Object.defineProperty(metric, "name", { value: `${spec.kind}:${spec.fields.join(",")}` });
  return metric;
}

function best(options: readonly unknown[], predicted: unknown, score: FieldScore): number {
  return options.reduce<number>((top, option) => Math.max(top, score(option, predicted)), 0);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
