import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, MIPRO } from "../../src/index.js";
import { freezeDemos, programSnapshot } from "../support/program-snapshot.js";
import { exactAnswer, Reverse, reverseExamples } from "../support/reverse-task.js";
import { mockStudent, mockTeacher, studentTeacherContext } from "./mock-teacher.js";

const trainset = reverseExamples(16);
const valset = reverseExamples(32).slice(16);
const options = { numCandidates: 4, minibatchSize: 8, numTrials: 6 };

describe("MIPRO never mutates the program it is given", () => {
  it("optimize leaves the program's state, instructions and demos as they were", async () => {
    const program = new Predict(Reverse);
    freezeDemos(program);
    const before = programSnapshot(program);
    const context = studentTeacherContext({
      student: mockStudent(),
      teacher: mockTeacher(),
      trainset,
      valset,
      metric: exactAnswer,
    });
    const result = await new MIPRO(options).optimize(program, context);
    expect(programSnapshot(program)).toEqual(before);
    expect(program.instructions).toBe("Answer the question.");
    // The search did choose something else: a proposed instruction or a demo set, on a copy.
    expect(result.state).not.toEqual(program.state());
    expect(result.candidates.find((candidate) => candidate.chosen)?.mean).toBe(1);
  });

  it("compile with MIPRO returns a configured copy and leaves the input untouched", async () => {
    const program = new Predict(Reverse).withState({
      self: { instructions: "Answer it.", demos: [] },
    });
    freezeDemos(program);
    const before = programSnapshot(program);
    const compiled = await compile(program, {
      optimizer: new MIPRO(options),
      trainset,
      valset,
      metric: exactAnswer,
      lm: mockStudent(),
      teacher: mockTeacher(),
      cache: new MemoryCache(),
    });
    expect(programSnapshot(program)).toEqual(before);
    expect(compiled.program).not.toBe(program);
    expect(compiled.report.final.mean).toBe(1);
    expect(compiled.state).not.toEqual(program.state());
  });
});
