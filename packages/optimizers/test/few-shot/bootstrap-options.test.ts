import { type Example, MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { BootstrapFewShot, compile } from "../../src/index.js";
import { mockStudent, mockTeacher, studentTeacherContext } from "../mipro/mock-teacher.js";
import { testContext } from "../support/context.js";
import {
  demoQuestions,
  exactAnswer,
  Reverse,
  reverseExamples,
  reverseModel,
} from "../support/reverse-task.js";

const trainset = reverseExamples(12);

describe("BootstrapFewShot options", () => {
  it("metricThreshold rejects traces that a plain pass would accept", async () => {
    // Right answers to odd rows earn only partial credit.
    const graded = (example: Example, prediction: Record<string, unknown>) =>
      prediction.answer !== example.answer ? 0 : Number(String(example.id).slice(4)) % 2 === 0 ? 1 : 0.5;
    const run = (metricThreshold?: number) =>
      new BootstrapFewShot({
        maxBootstrappedDemos: 3,
        maxLabeledDemos: 3,
        ...(metricThreshold === undefined ? {} : { metricThreshold }),
      }).bootstrap(
        new Predict(Reverse),
        trainset,
        testContext({ lm: reverseModel(), trainset, metric: graded }),
      );
    expect((await run()).successes).toEqual([0, 1, 2]);
    expect((await run(0.5)).successes).toEqual([0, 1, 2]);
    const strict = await run(1);
    expect(strict.successes).toEqual([0, 2, 4]);
    expect(strict.state.self!.demos.map((demo) => demo.question)).toEqual(["q0x", "q2x", "q4x"]);
  });

  it("teacherProgram generates the traces: its successful steps become the student's demos", async () => {
    // With no labeled demos the student cannot answer (the mock needs a demo); a teacher program
    // that carries one demo of its own can, and its traces are what the student keeps.
    const lm = reverseModel();
    const teacherProgram = new Predict(Reverse).withState({
      self: { instructions: "Answer the question.", demos: [{ question: "zz1", answer: "1zz" }] },
    });
    const options = { maxBootstrappedDemos: 2, maxLabeledDemos: 0 };
    const context = testContext({ lm, trainset, metric: exactAnswer });
    const plain = await new BootstrapFewShot(options).bootstrap(new Predict(Reverse), trainset, context);
    expect(plain.successes).toEqual([]);
    const taught = await new BootstrapFewShot({ ...options, teacherProgram }).bootstrap(
      new Predict(Reverse),
      trainset,
      testContext({ lm, trainset, metric: exactAnswer }),
    );
    expect(taught.successes).toEqual([0, 1]);
    expect(taught.state.self!.demos).toEqual([
      { question: "q0x", answer: "x0q" },
      { question: "q1x", answer: "x1q" },
    ]);
    // The student keeps its own instructions, not the teacher program's demo.
    expect(taught.state.self!.instructions).toBe("Answer the question.");
    expect(lm.calls.slice(-8).every((call) => demoQuestions(call.messages).includes("zz1"))).toBe(true);
  });

  it("runs the traces on the teacher LM, counts its calls as teacher usage, and keeps its answers as demos", async () => {
    // The student with no demos echoes the question; the teacher LM always answers right.
    const student = mockStudent();
    const teacher = mockTeacher();
    const valset = reverseExamples(20).slice(12);
    const { state, report } = await compile(new Predict(Reverse), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 0 }),
      trainset,
      valset,
      metric: exactAnswer,
      lm: student,
      teacher,
      cache: new MemoryCache(),
    });
    expect(teacher.calls).toHaveLength(8);
    expect(report.usage.byRole.teacher!.calls).toBe(8);
    // The student only ran the baseline and the final evaluation.
    expect(student.calls).toHaveLength(2 * valset.length);
    expect(report.usage.byRole.student!.calls).toBe(2 * valset.length);
    expect(state.self!.demos).toEqual([
      { question: "q0x", answer: "x0q" },
      { question: "q1x", answer: "x1q" },
    ]);
    expect(report.baseline.mean).toBe(0);
    expect(report.final.mean).toBe(1);
  });

  it("useTeacherLm: false bootstraps on the student even when a teacher is set", async () => {
    const student = mockStudent();
    const teacher = mockTeacher();
    const context = studentTeacherContext({
      student,
      teacher,
      trainset,
      valset: trainset,
      metric: exactAnswer,
    });
    const outcome = await new BootstrapFewShot({
      maxBootstrappedDemos: 2,
      maxLabeledDemos: 0,
      useTeacherLm: false,
    }).bootstrap(new Predict(Reverse), trainset, context);
    expect(teacher.calls).toHaveLength(0);
    expect(student.calls).toHaveLength(trainset.length);
    // The zero-shot student never gets one right, so nothing is bootstrapped.
    expect(outcome.successes).toEqual([]);
  });
});
