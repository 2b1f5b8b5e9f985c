import { MockLanguageModel } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MetaPrompt } from "../../src/index.js";
import { goodAnswer, goodHint, HintThenAnswer, hintThenAnswerStudent } from "../gepa/two-step-task.js";
import {
  keywordExamples,
  marked,
  markerValue,
  reflectiveContext,
  teacherQuery,
} from "../reflective/keyword-task.js";

describe("MetaPrompt on a two-step program", () => {
  it("rewrites the steps round-robin, showing each step's own traced inputs and outputs", async () => {
    const teacher = new MockLanguageModel({
      modelId: "teacher",
      responses: (request) => {
        const hintStep = markerValue(request.messages.at(-1), "step")?.includes("step `hint`");
        return marked({
          hypothesis: hintStep ? "The hint is empty." : "The answer should be reversed.",
          improved_instructions: hintStep ? goodHint : goodAnswer,
        });
      },
    });
    const context = reflectiveContext({
      student: hintThenAnswerStudent(),
      teacher,
      trainset: keywordExamples(4, 100),
      valset: keywordExamples(12),
    });
    const result = await new MetaPrompt({ numRounds: 2 }).optimize(new HintThenAnswer(), context);

    const first = teacherQuery(teacher.calls[0]);
    expect(markerValue(first, "step")).toBe("step `hint` (1 of 2): `question` -> `hint`");
    expect(markerValue(first, "current_instructions")).toBe("Give a `hint`.");
    expect(markerValue(first, "failures")).toContain(
      "### Failure 1 (score 0)\nInputs:\n  question: q1x\nOutputs of this step:\n  hint: ?\nProgram outputs:\n  answer: q1x\nEXPECTED outputs:\n  answer: x1q",
    );
    const second = teacherQuery(teacher.calls[1]);
    expect(markerValue(second, "step")).toBe("step `answer` (2 of 2): `question`, `hint` -> `answer`");
    expect(markerValue(second, "failures")).toContain(
      "Inputs:\n  question: q2x\n  hint: h:q2x\nOutputs of this step:\n  answer: q2x\nEXPECTED outputs:\n  answer: x2q",
    );

    expect(result.details!.attempts).toEqual([
      expect.objectContaining({ path: "hint", score: 0.5, parentScore: 0.25, accepted: true }),
      expect.objectContaining({ path: "answer", score: 1, parentScore: 0.5, accepted: true }),
    ]);
    expect(result.state.hint!.instructions).toBe(goodHint);
    expect(result.state.answer!.instructions).toBe(goodAnswer);
  });
});
