import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MetaPrompt, type MetaPromptOptions } from "../../src/index.js";
import {
  keywordExamples,
  keywordStudent,
  markerValue,
  Reverse,
  reflectiveContext,
  scriptedTeacher,
  teacherQuery,
} from "../reflective/keyword-task.js";

/** Rewrites that behave like the original (they tie, so every one is rejected), numbered by round. */
function tyingRewrites(rounds: number) {
  return Array.from({ length: rounds }, (_, index) => ({
    hypothesis: `Guess ${index + 1}.`,
    improved_instructions: `Answer the \`question\` (try ${index + 1}).`,
  }));
}

/** The history block of every teacher prompt of a run whose rewrites are all rejected. */
async function histories(rounds: number, options: MetaPromptOptions = {}): Promise<string[]> {
  const teacher = scriptedTeacher(tyingRewrites(rounds));
  const context = reflectiveContext({
    student: keywordStudent(),
    teacher,
    trainset: keywordExamples(4, 100),
    valset: keywordExamples(6),
  });
  const result = await new MetaPrompt({ ...options, numRounds: rounds }).optimize(
    new Predict(Reverse),
    context,
  );
  expect(result.details!.accepted).toBe(0);
  return teacher.calls.map((call) => markerValue(teacherQuery(call), "history")!);
}

const attemptRounds = (history: string) =>
  [...history.matchAll(/^### Attempt (\d+) on step/gm)].map((match) => Number(match[1]));

describe("MetaPrompt historySize", () => {
  it("shows only the last historySize attempts and says how many older ones are not shown", async () => {
    const shown = await histories(5, { historySize: 2 });
    expect(shown[0]).toBe("(no earlier attempts)");
    expect(attemptRounds(shown[2]!)).toEqual([1, 2]);
    expect(shown[2]).not.toContain("not shown");
    expect(attemptRounds(shown[4]!)).toEqual([3, 4]);
    expect(shown[4]!.startsWith("(2 older attempt(s) not shown)\n\n### Attempt 3")).toBe(true);
    expect(shown[4]).toContain("Hypothesis: Guess 4.");
    expect(shown[4]).not.toContain("Guess 2.");
  });

  it("shows no history with historySize 0", async () => {
    // Identical prompts after the first are served from the shared cache, so count distinct ones.
    const shown = await histories(3, { historySize: 0 });
    expect(new Set(shown)).toEqual(new Set(["(no earlier attempts)"]));
  });

  it("keeps 8 attempts by default, the documented default", async () => {
    expect(new MetaPrompt().config.historySize).toBe(8);
    const shown = await histories(10);
    expect(attemptRounds(shown[8]!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shown[8]).not.toContain("not shown");
    expect(attemptRounds(shown[9]!)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shown[9]!.startsWith("(1 older attempt(s) not shown)")).toBe(true);
  });
});
