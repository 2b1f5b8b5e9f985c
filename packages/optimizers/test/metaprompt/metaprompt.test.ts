import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, MetaPrompt } from "../../src/index.js";
import {
  answerWithFeedback,
  keywordExamples,
  keywordStudent,
  markerValue,
  Reverse,
  reflectiveContext,
  scriptedTeacher,
  teacherQuery,
} from "../reflective/keyword-task.js";

const valset = keywordExamples(10);
const trainset = keywordExamples(6, 100);
const breaking = {
  hypothesis: "Answers should be terse.",
  improved_instructions: "Answer the `question` with BREAK.",
};
const reversing = {
  hypothesis: "The expected answer is the question reversed.",
  improved_instructions: "Reverse the `question` letter by letter and give that as the answer.",
};

describe("MetaPrompt", () => {
  it("shows the teacher failures with outputs, EXPECTED outputs and feedback, rejects a worse rewrite and accepts a better one", async () => {
    const teacher = scriptedTeacher([breaking, reversing]);
    const context = reflectiveContext({ student: keywordStudent(), teacher, trainset, valset });
    const result = await new MetaPrompt({ numRounds: 3, taskDescription: "Reverse strings." }).optimize(
      new Predict(Reverse),
      context,
    );

    const first = teacherQuery(teacher.calls[0]);
    expect(markerValue(first, "task_description")).toBe("Reverse strings.");
    expect(markerValue(first, "current_instructions")).toBe("Answer the `question`.");
    expect(markerValue(first, "step")).toContain("step `self` (1 of 1): `question` -> `answer`");
    const failures = markerValue(first, "failures")!;
    expect(failures).toContain("5 of 10 examples score below 1; 5 of them:");
    expect(failures).toMatch(
      /### Failure 1 \(score 0\)\nInputs:\n {2}question: q1x\nOutputs of this step:\n {2}answer: q1x\nEXPECTED outputs:\n {2}answer: x1q\nFeedback: answer: expected "x1q", got "q1x"/,
    );
    expect(failures).not.toContain("q0x"); // row 0 passes, so it is not a failure
    expect(markerValue(first, "history")).toBe("(no earlier attempts)");

    // The broken rewrite is in the history as rejected, with its parse errors as feedback.
    const history = markerValue(teacherQuery(teacher.calls[1]), "history")!;
    expect(history).toContain(
      "Attempt 1 on step `self`: REJECTED (do not repeat it), score 0 vs 0.500 for its parent",
    );
    expect(history).toContain("Instructions: Answer the `question` with BREAK.");
    expect(history).toContain("Hypothesis: Answers should be terse.");
    expect(history).toMatch(/Failures: 10 example\(s\) failed outright, e\.g\. LatheOutputParseError/);

    expect(result.state.self!.instructions).toBe(reversing.improved_instructions);
    expect(result.notes).toContain("stopped after 2 round(s): every example of the subset scores 1");
    const attempts = result.details!.attempts as Array<Record<string, unknown>>;
    expect(attempts).toEqual([
      expect.objectContaining({
        round: 1,
        hypothesis: breaking.hypothesis,
        score: 0,
        parentScore: 0.5,
        accepted: false,
      }),
      expect.objectContaining({
        round: 2,
        hypothesis: reversing.hypothesis,
        score: 1,
        parentScore: 0.5,
        accepted: true,
      }),
    ]);
    expect(
      result.candidates.map((candidate) => [candidate.id, candidate.mean, candidate.chosen ?? false]),
    ).toEqual([
      ["metaprompt/original", 0.5, false],
      ["metaprompt/1", 0, false],
      ["metaprompt/2", 1, true],
    ]);
    expect(result.candidates[1]!.note).toMatch(/^rejected: does not beat its parent/);
  });

  it("rejects a rewrite that drops a field reference without evaluating it", async () => {
    const teacher = scriptedTeacher([
      { hypothesis: "Reverse it.", improved_instructions: "Reverse the text." },
    ]);
    const student = keywordStudent();
    const context = reflectiveContext({ student, teacher, trainset, valset });
    const result = await new MetaPrompt({ numRounds: 1 }).optimize(new Predict(Reverse), context);
    expect(student.calls).toHaveLength(valset.length); // only the original was scored
    expect(result.state.self!.instructions).toBe("Answer the `question`.");
    expect(result.details!.attempts).toEqual([
      expect.objectContaining({
        accepted: false,
        reason: "the proposal drops field reference(s) `question` that the current instructions use",
      }),
    ]);
    expect(result.candidates).toHaveLength(1);
  });

  it("scores every round on the same seeded subset and is deterministic", async () => {
    const run = async () => {
      const student = keywordStudent();
      const context = reflectiveContext({
        student,
        teacher: scriptedTeacher([breaking, reversing]),
        trainset,
        valset: keywordExamples(30),
        seed: 7,
      });
      const result = await new MetaPrompt({ numRounds: 2, evalSubsetSize: 8 }).optimize(
        new Predict(Reverse),
        context,
      );
      return { result, student };
    };
    const { result, student } = await run();
    const questions = student.calls.map((call) => markerValue(call.messages.at(-1), "question"));
    const perRound = [questions.slice(0, 8), questions.slice(8, 16), questions.slice(16, 24)].map((batch) =>
      [...batch].sort(),
    );
    expect(perRound[1]).toEqual(perRound[0]);
    expect(perRound[2]).toEqual(perRound[0]);
    // The subset was beaten, so the choice was confirmed on the whole valset (original vs rewrite).
    expect(result.details!.confirmation).toEqual([
      { id: "metaprompt/original", mean: 0.5, count: 30 },
      { id: "metaprompt/2", mean: 1, count: 30 },
    ]);
    const again = await run();
    expect(again.result.state).toEqual(result.state);
    expect(again.result.candidates).toEqual(result.candidates);
    expect(again.result.details).toEqual(result.details);
  });

  it("stops at the compile budget and returns the best so far with a note", async () => {
    const { report, state } = await compile(new Predict(Reverse), {
      optimizer: new MetaPrompt({ numRounds: 5 }),
      trainset,
      valset,
      metric: answerWithFeedback,
      lm: keywordStudent(),
      teacher: scriptedTeacher([breaking, reversing]),
      cache: false,
      budget: { maxCalls: 25 },
    });
    // baseline 10 + original on the subset 10 + teacher 1 + the broken rewrite (3 attempts each) stops.
    expect(report.stoppedByBudget).toBe(true);
    expect(report.notes.join("\n")).toMatch(/metaprompt: stopped early: .*budget/);
    expect(state.self!.instructions).toBe("Answer the `question`.");
  });
});
