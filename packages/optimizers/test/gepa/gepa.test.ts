import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { GEPA } from "../../src/index.js";
import {
  exactAnswer,
  keywordExamples,
  keywordStudent,
  markerValue,
  Reverse,
  reflectiveContext,
  scriptedTeacher,
  teacherQuery,
} from "../reflective/keyword-task.js";

const trainset = keywordExamples(6, 100);
const valset = keywordExamples(10);
const breaking = { new_instruction: "Answer the `question` with BREAK." };
const reversing = { new_instruction: "Reverse the `question` letter by letter." };

describe("GEPA", () => {
  it("reflects on a minibatch's outputs and feedback, accepts only a strict minibatch improvement and records the lineage", async () => {
    const teacher = scriptedTeacher([breaking, reversing]);
    const context = reflectiveContext({ student: keywordStudent(), teacher, trainset, valset, seed: 2 });
    const result = await new GEPA({ maxMetricCalls: 80 }).optimize(new Predict(Reverse), context);

    const prompt = teacherQuery(teacher.calls[0]);
    expect(markerValue(prompt, "current_instruction")).toBe("Answer the `question`.");
    const shown = markerValue(prompt, "examples_with_feedback")!;
    expect(shown).toContain("For step `self` (1 of 1): `question` -> `answer`");
    expect(shown).toMatch(
      /### Example \d \(score 0\)\nInputs:\n {2}question: q(10\d)x\nOutputs of this step:\n {2}answer: q\1x\nFeedback: answer: expected "x\d01q", got "q\1x"/,
    );

    const proposals = result.details!.proposals as Array<Record<string, unknown>>;
    expect(
      proposals.map((proposal) => [proposal.instruction, proposal.accepted, proposal.candidate]),
    ).toEqual([
      [breaking.new_instruction, false, undefined],
      [reversing.new_instruction, true, "gepa/1"],
    ]);
    expect(proposals[0]!.reason).toMatch(/^minibatch sum 0 does not beat the parent's [0-2]$/);
    expect(proposals[1]!.childSum).toBe(3);
    expect(proposals[0]!.minibatch).toHaveLength(3);
    expect(result.details!.lineage).toEqual([
      { id: "gepa/0", parents: [], origin: "seed", mean: 0.5 },
      { id: "gepa/1", parents: ["gepa/0"], origin: "reflection on `self`", mean: 1 },
    ]);
    expect(result.details).toMatchObject({ proposed: 2, accepted: 1, best: "gepa/1" });
    // seed 10 + two proposals of 3 + 1 + 3 + the accepted child on the valset 10
    expect(result.details!.budget).toEqual({ max: 80, metricCalls: 32, teacherCalls: 2, used: 34 });
    expect(result.notes).toContain("stopped: a candidate scores 1 on every validation example");
    expect(result.state.self!.instructions).toBe(reversing.new_instruction);
    expect(
      result.candidates.map((candidate) => [candidate.id, candidate.mean, candidate.chosen ?? false]),
    ).toEqual([
      ["gepa/0", 0.5, false],
      ["gepa/1", 1, true],
    ]);
  });

  it("shows the score and the expected output when the metric gives no feedback", async () => {
    const teacher = scriptedTeacher([breaking]);
    const context = reflectiveContext({
      student: keywordStudent(),
      teacher,
      trainset,
      valset,
      metric: exactAnswer,
    });
    await new GEPA({ maxMetricCalls: 30, maxIterations: 3 }).optimize(new Predict(Reverse), context);
    const shown = markerValue(teacherQuery(teacher.calls[0]), "examples_with_feedback")!;
    expect(shown).toMatch(
      /\(score 0\)\nInputs:\n {2}question: q(10\d)x\nOutputs of this step:\n {2}answer: q\1x\nEXPECTED outputs:\n {2}answer: x\d01q/,
    );
    expect(shown).not.toContain("Feedback:");
  });

  it("never passes maxMetricCalls, counting teacher calls, and says why it stopped", async () => {
    const teacher = scriptedTeacher([breaking]);
    const student = keywordStudent();
    const context = reflectiveContext({ student, teacher, trainset, valset });
    const result = await new GEPA({ maxMetricCalls: 40 }).optimize(new Predict(Reverse), context);
    const budget = result.details!.budget as { used: number; metricCalls: number; teacherCalls: number };
    expect(budget.used).toBeLessThanOrEqual(40);
    expect(budget.teacherCalls).toBe(teacher.calls.length);
    expect(budget.metricCalls).toBe(10 + 6 * budget.teacherCalls);
    expect(result.notes.at(-1)).toMatch(
      /^stopped: another proposal could need 17 metric calls and only \d+ of 40 are left$/,
    );
    expect(result.state).toEqual(new Predict(Reverse).state());
  });

  it("is deterministic under a seed", async () => {
    const run = () =>
      new GEPA({ maxMetricCalls: 60 }).optimize(
        new Predict(Reverse),
        reflectiveContext({
          student: keywordStudent(),
          teacher: scriptedTeacher([breaking, reversing]),
          trainset,
          valset,
          seed: 4,
        }),
      );
    const [first, second] = [await run(), await run()];
    expect(second.details).toEqual(first.details);
    expect(second.candidates).toEqual(first.candidates);
  });
});
