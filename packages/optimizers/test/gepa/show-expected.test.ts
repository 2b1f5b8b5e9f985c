import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { GEPA } from "../../src/index.js";
import {
  keywordExamples,
  keywordStudent,
  markerValue,
  Reverse,
  reflectiveContext,
  scriptedTeacher,
  teacherQuery,
} from "../reflective/keyword-task.js";

/** The examples block of the first reflection prompt the (recording) teacher received. */
async function reflectionPrompt(showExpected?: boolean): Promise<string> {
  const teacher = scriptedTeacher([{ new_instruction: "Answer the `question` with BREAK." }]);
  const context = reflectiveContext({
    student: keywordStudent(),
    teacher,
    trainset: keywordExamples(6, 100),
    valset: keywordExamples(10),
  });
  const options = { maxMetricCalls: 40, maxIterations: 1, skipPerfect: false };
  await new GEPA(showExpected === undefined ? options : { ...options, showExpected }).optimize(
    new Predict(Reverse),
    context,
  );
  expect(teacher.calls).toHaveLength(1);
  return markerValue(teacherQuery(teacher.calls[0]), "examples_with_feedback")!;
}

function examples(shown: string): string[] {
  return shown.split(/(?=### Example \d)/).filter((block) => block.startsWith("### Example"));
}

// A failing row (odd number: the student echoes it) as the teacher sees it, up to its expected answer.
const failureHead = /Inputs:\n {2}question: q(10[135])x\nOutputs of this step:\n {2}answer: q\1x\n/;

describe("GEPA showExpected", () => {
  it("by default renders the metric's feedback but not the expected outputs", async () => {
    const shown = await reflectionPrompt();
    expect(shown).toMatch(
      new RegExp(`${failureHead.source}Feedback: answer: expected "x\\d01q", got "q\\1x"`),
    );
    // Only an example without feedback (a passing one) falls back to its expected output.
    for (const block of examples(shown)) {
      expect(block.includes("EXPECTED outputs:")).toBe(!block.includes("Feedback:"));
    }
    expect(examples(shown).filter((block) => block.includes("Feedback:")).length).toBeGreaterThan(0);
    expect(await reflectionPrompt(false)).toBe(shown);
  });

  it("with showExpected: true renders the expected outputs and the feedback", async () => {
    const shown = await reflectionPrompt(true);
    expect(shown).toMatch(
      new RegExp(
        `${failureHead.source}EXPECTED outputs:\n {2}answer: x\\d01q\nFeedback: answer: expected "x\\d01q", got "q\\1x"`,
      ),
    );
    for (const block of examples(shown)) expect(block).toContain("EXPECTED outputs:");
    expect(examples(shown)).toHaveLength(3);
  });
});
