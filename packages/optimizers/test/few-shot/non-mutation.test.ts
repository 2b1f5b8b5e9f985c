import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, LabeledFewShot, type Optimizer, RandomSearch } from "../../src/index.js";
import { testContext } from "../support/context.js";
import { freezeDemos, programSnapshot } from "../support/program-snapshot.js";
import { exactAnswer, Reverse, reverseExamples, TwoStep, twoStepModel } from "../support/reverse-task.js";

const trainset = reverseExamples(12);
const valset = reverseExamples(24).slice(12);

/** A two-step program that already has custom instructions and a demo per step. */
function configuredTwoStep(): TwoStep {
  const program = new TwoStep().withState({
    hint: { instructions: "Write a hint.", demos: [{ question: "zz1", hint: "h:zz1" }] },
    answer: {
      instructions: "Answer from the hint.",
      demos: [{ question: "zz1", hint: "h:zz1", answer: "1zz" }],
    },
  });
  freezeDemos(program);
  return program;
}

const optimizers: Array<[string, () => Optimizer]> = [
  ["LabeledFewShot", () => new LabeledFewShot({ k: 4 })],
  ["RandomSearch", () => new RandomSearch({ numCandidates: 3, maxBootstrappedDemos: 2, maxLabeledDemos: 3 })],
];

describe("few-shot optimizers never mutate the program they are given", () => {
  for (const [name, make] of optimizers) {
    it(`${name} leaves the program's state, instructions and demos as they were`, async () => {
      const program = configuredTwoStep();
      const before = programSnapshot(program);
      const result = await make().optimize(
        program,
        testContext({ lm: twoStepModel(), trainset, valset, metric: exactAnswer }),
      );
      expect(programSnapshot(program)).toEqual(before);
      // It did produce a different configuration, on a copy.
      expect(result.state).not.toEqual(program.state());
    });

    it(`compile with ${name} returns a configured copy and leaves the input untouched`, async () => {
      const program = configuredTwoStep();
      const before = programSnapshot(program);
      const compiled = await compile(program, {
        optimizer: make(),
        trainset,
        valset,
        metric: exactAnswer,
        lm: twoStepModel(),
        cache: false,
      });
      expect(programSnapshot(program)).toEqual(before);
      expect(compiled.program).not.toBe(program);
      expect(compiled.program.state()).toEqual(compiled.state);
      expect(compiled.state).not.toEqual(program.state());
    });
  }

  it("a single Predict is left untouched by LabeledFewShot too", async () => {
    const program = new Predict(Reverse);
    freezeDemos(program);
    const before = programSnapshot(program);
    const { state } = await new LabeledFewShot({ k: 2 }).optimize(
      program,
      testContext({ lm: twoStepModel(), trainset, metric: exactAnswer }),
    );
    expect(state.self!.demos).toHaveLength(2);
    expect(programSnapshot(program)).toEqual(before);
    expect(program.demos).toEqual([]);
  });
});
