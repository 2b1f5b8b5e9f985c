import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeMetricResult } from "@lathe/core";
import { describe, expect, it } from "vitest";
import {
  builtinMetric,
  containsScore,
  exactScore,
  f1Score,
  MetricError,
  normalizeText,
  parseBuiltinMetric,
  resolveMetric,
} from "../src/index.js";

describe("normalizeText", () => {
  it("lower-cases, drops punctuation and articles, collapses whitespace", () => {
    expect(normalizeText("  The  Eiffel-Tower, in PARIS! ")).toBe("eiffel tower in paris");
    expect(normalizeText("An apple a day")).toBe("apple day");
  });
});

describe("exact", () => {
  it("matches after normalisation", () => {
    expect(exactScore("Paris", "paris.")).toBe(1);
    expect(exactScore("Paris", "Paris, France")).toBe(0);
  });

  it("compares non-strings by value: booleans, numbers, lists, objects", () => {
    expect(exactScore(true, true)).toBe(1);
    expect(exactScore(true, false)).toBe(0);
    expect(exactScore(4, 4)).toBe(1);
    expect(exactScore(4, "4")).toBe(1);
    expect(exactScore(["a", "b"], ["A", "b"])).toBe(1);
    expect(exactScore(["a", "b"], ["b", "a"])).toBe(0);
    expect(exactScore({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(1);
    expect(exactScore({ x: 1 }, undefined)).toBe(0);
  });

  it("accepts any of several expected answers", () => {
    expect(exactScore(["NYC", "New York City"], "new york city")).toBe(1);
    expect(exactScore(["NYC", "New York City"], "Boston")).toBe(0);
  });
});

describe("f1", () => {
  it("is token-level F1 of the normalised texts", () => {
    // gold: [eiffel, tower], guess: [tower, in, paris]: precision 1/3, recall 1/2
    expect(f1Score("the Eiffel Tower", "tower in Paris")).toBeCloseTo(0.4, 10);
    expect(f1Score("Paris", "paris")).toBe(1);
    expect(f1Score("Paris", "Lyon")).toBe(0);
  });

  it("counts repeated tokens once per occurrence", () => {
    // gold [a1 x2], guess [x x x]: common 2 → p 2/3, r 2/2
    expect(f1Score("one two two", "two two two")).toBeCloseTo((2 * (2 / 3) * (2 / 3)) / (4 / 3), 10);
  });

  it("is 1 for two empty answers and 0 when only one is empty, and takes the best of a list", () => {
    expect(f1Score("", "")).toBe(1);
    expect(f1Score("a cat", "")).toBe(0);
    expect(f1Score(["blue whale", "whale"], "whale")).toBe(1);
  });
});

describe("contains", () => {
  it("looks for the expected words in the prediction, on word boundaries", () => {
    expect(containsScore("Paris", "It is Paris, France.")).toBe(1);
    expect(containsScore("Paris", "Parisian food")).toBe(0);
    expect(containsScore(["Lyon", "Paris"], "paris")).toBe(1);
  });
});

describe("builtinMetric", () => {
  it("averages several fields and names the wrong ones in feedback", async () => {
    const metric = builtinMetric(parseBuiltinMetric("exact:queue,urgent")!);
    const result = normalizeMetricResult(
      await metric({ queue: "billing", urgent: true }, { queue: "billing", urgent: false }),
    );
    expect(result).toEqual({ score: 0.5, feedback: "urgent: expected true, got false" });
    expect(metric.name).toBe("exact:queue,urgent");
  });

  it("says 'nothing' when the prediction lacks the field", async () => {
    const metric = builtinMetric({ kind: "f1", fields: ["answer"] });
    expect(normalizeMetricResult(await metric({ answer: "x" }, {}))).toEqual({
      score: 0,
      feedback: 'answer: expected "x", got nothing',
    });
  });

  it("parses specs and rejects one without a field", () => {
    expect(parseBuiltinMetric("contains:answer")).toEqual({ kind: "contains", fields: ["answer"] });
    expect(parseBuiltinMetric("accuracy")).toBeUndefined();
    expect(() => parseBuiltinMetric("exact")).toThrow(/names no field; write exact:<field>/);
  });
});

describe("resolveMetric", () => {
  it("resolves built-ins and sim tasks, and reports an unknown name with the choices", async () => {
    expect((await resolveMetric("exact:answer", "/")).fields).toEqual(["answer"]);
    const sim = await resolveMetric("sim:ticket-triage", "/");
    expect(sim.fields).toEqual(["queue", "urgent"]);
    await expect(resolveMetric("accuracy", "/")).rejects.toThrow(
      /unknown metric 'accuracy'; use exact:<field>, f1:<field>, contains:<field>, sim:<task>/,
    );
    await expect(resolveMetric("sim:nope", "/")).rejects.toBeInstanceOf(MetricError);
  });

  it("loads a metric function from a file and names a missing export", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lathe-metric-"));
    try {
      await writeFile(
        join(directory, "metrics.mjs"),
        "export function lengthOk(example, prediction) { return prediction.answer.length < 5; }\nexport const limit = 5;\n",
      );
      const resolved = await resolveMetric("metrics.mjs#lengthOk", directory);
      expect(await resolved.metric({}, { answer: "abc" })).toBe(true);
      await expect(resolveMetric("metrics.mjs#accuracy", directory)).rejects.toThrow(
        /metric 'metrics.mjs#accuracy' not found: .* has no export 'accuracy'; its functions are: lengthOk/,
      );
      await expect(resolveMetric("metrics.mjs#limit", directory)).rejects.toThrow(
        /is a number, not a function/,
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
