import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MIPRO } from "../../src/index.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";
import {
  GOOD_INSTRUCTION,
  mockStudent,
  mockTeacher,
  requestedOutputs,
  studentTeacherContext,
} from "./mock-teacher.js";

const trainset = reverseExamples(20);
const valset = reverseExamples(40).slice(20);

describe("MIPRO zero-shot mode (maxDemos: 0)", () => {
  it("searches instructions only and never sends a demo, even for a program that has some", async () => {
    const student = mockStudent();
    const teacher = mockTeacher();
    const context = studentTeacherContext({ student, teacher, trainset, valset, metric: exactAnswer });
    // The program arrives with demos (e.g. from an earlier bootstrap step): zero-shot mode drops them.
    const program = new Predict(Reverse).withDemos([{ question: "ab", answer: "ba" }]);
    const result = await new MIPRO({ maxDemos: 0, numCandidates: 4, minibatchSize: 8 }).optimize(
      program,
      context,
    );

    expect(student.calls.length).toBeGreaterThan(0);
    for (const request of student.calls) {
      expect(request.messages.map((message) => message.role)).toEqual(["system", "user"]);
    }
    // No bootstrapping: the teacher only summarised and proposed.
    expect(new Set(teacher.calls.map((call) => requestedOutputs(call)[0]))).toEqual(
      new Set([
        "observations",
        "summary",
        "program_description",
        "module_description",
        "proposed_instruction",
      ]),
    );
    const details = result.details as {
      zeroShot: boolean;
      demoSets: unknown;
      trials: Array<{ configuration: Record<string, { demos: number | null }> }>;
    };
    expect(details.zeroShot).toBe(true);
    expect(details.demoSets).toBeNull();
    for (const trial of details.trials) expect(trial.configuration.self!.demos).toBeNull();
    expect(result.state.self!.demos).toEqual([]);
    expect(result.state.self!.instructions).toContain(GOOD_INSTRUCTION);
    expect(result.notes.join("\n")).toMatch(/existing demos are not used/);
    // Improved by the instruction alone over the uncompiled (zero-shot) contender.
    const [uncompiled] = result.candidates;
    expect(uncompiled!.mean).toBe(0);
    expect(result.candidates.find((candidate) => candidate.chosen)!.mean).toBe(1);
  });

  it("still shows the proposer labeled examples, sampled per proposal", async () => {
    const teacher = mockTeacher();
    const context = studentTeacherContext({
      student: mockStudent(),
      teacher,
      trainset,
      valset,
      metric: exactAnswer,
    });
    await new MIPRO({ maxDemos: 0, numCandidates: 4, numTrials: 0 }).optimize(new Predict(Reverse), context);
    const demos = teacher.calls
      .filter((call) => requestedOutputs(call)[0] === "proposed_instruction")
      .map(
        (call) => /\[\[ ## task_demos ## \]\]\n([\s\S]*?)\n\n\[\[/.exec(call.messages.at(-1)!.content)?.[1],
      );
    expect(demos).toHaveLength(3);
    for (const shown of demos) expect(shown).toMatch(/^Example 1:\nquestion: q\d+x\nanswer: x\d+q/);
    expect(new Set(demos).size).toBe(3);
  });
});
