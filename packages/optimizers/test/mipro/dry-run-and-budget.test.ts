import { Budget, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MIPRO } from "../../src/index.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";
import { mockStudent, mockTeacher, studentTeacherContext } from "./mock-teacher.js";

const trainset = reverseExamples(20);
const valset = reverseExamples(40).slice(20);

function setup(budget?: Budget) {
  const student = mockStudent();
  const teacher = mockTeacher();
  const context = studentTeacherContext({
    student,
    teacher,
    trainset,
    valset,
    metric: exactAnswer,
    ...(budget ? { budget } : {}),
  });
  return { student, teacher, context };
}

describe("MIPRO dry run", () => {
  it("estimates student and teacher calls without calling any LM, and leaves the program unchanged", async () => {
    const { student, teacher, context } = setup();
    const program = new Predict(Reverse);
    const result = await new MIPRO({ dryRun: true, minibatchSize: 8 }).optimize(program, context);
    expect(student.calls).toHaveLength(0);
    expect(teacher.calls).toHaveLength(0);
    expect(result.state).toEqual(program.state());
    expect(result.candidates).toEqual([]);
    const { estimate } = result.details as { estimate: { student: number; teacher: number; total: number } };
    expect(estimate.student).toBeGreaterThan(0);
    expect(estimate.teacher).toBeGreaterThan(0);
    expect(estimate.total).toBe(estimate.student + estimate.teacher);
    expect(result.notes.join()).toMatch(
      new RegExp(`dry run: no LM was called; .*about ${estimate.total} calls`),
    );
  });

  it("matches a real run: teacher calls exactly here, student calls as an upper bound (the cache saves some)", async () => {
    const options = { numCandidates: 6, minibatchSize: 8, numTrials: 10 };
    const { student, teacher, context } = setup();
    const program = new Predict(Reverse);
    const estimate = new MIPRO(options).estimateCalls(program, context);
    // DSPy's trial count for one predictor and 6 candidates would be floor(max(4·log2 6, 9)) = 10.
    expect(new MIPRO({ numCandidates: 6 }).estimateCalls(program, context).numTrials).toBe(10);
    await new MIPRO(options).optimize(program, context);
    expect(teacher.calls.length).toBe(estimate.teacher);
    expect(student.calls.length).toBeLessThanOrEqual(estimate.student);
    expect(student.calls.length).toBeGreaterThan(estimate.student / 2);
  });
});

describe("MIPRO under a budget", () => {
  it("stops at the cap and returns the best fully evaluated configuration so far, with a note", async () => {
    // Zero-shot: 8 teacher calls, 20 for the uncompiled program, then minibatches of 8 with a
    // full evaluation every 2 trials; 80 calls run out in the middle of the search.
    const budget = new Budget({ maxCalls: 80 });
    const { student, teacher, context } = setup(budget);
    const result = await new MIPRO({
      maxDemos: 0,
      numCandidates: 4,
      minibatchSize: 8,
      minibatchFullEvalSteps: 2,
      numTrials: 12,
    }).optimize(new Predict(Reverse), context);
    expect(student.calls.length + teacher.calls.length).toBeLessThanOrEqual(80);
    expect(result.notes.join("\n")).toMatch(/stopped early: budget of 80 calls reached/);
    const details = result.details as { trials: unknown[]; fullEvaluations: Array<{ id: string }> };
    expect(details.trials.length).toBeGreaterThan(0);
    expect(details.trials.length).toBeLessThan(12);
    expect(result.candidates.length).toBeGreaterThanOrEqual(2);
    const best = result.candidates.reduce((a, b) => (b.mean > a.mean ? b : a));
    expect(result.candidates.find((candidate) => candidate.chosen)).toBe(
      result.candidates.find((candidate) => candidate.id === best.id),
    );
    expect(best.mean).toBe(1);
    expect(result.state.self!.instructions).toMatch(/Reverse/);
  });

  it("returns the program unchanged when the budget ends before any full evaluation", async () => {
    const budget = new Budget({ maxCalls: 5 });
    const { context } = setup(budget);
    const program = new Predict(Reverse);
    const result = await new MIPRO({ numCandidates: 4 }).optimize(program, context);
    expect(result.state).toEqual(program.state());
    expect(result.candidates).toEqual([]);
    expect(result.notes.join("\n")).toMatch(/stopped early: budget of 5 calls reached/);
    expect(result.notes.join("\n")).toMatch(/no configuration was fully evaluated; the program is unchanged/);
  });
});
