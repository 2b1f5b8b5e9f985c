import { Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { BootstrapFewShot } from "../../src/index.js";
import { testContext } from "../support/context.js";
import {
  demoQuestions,
  exactAnswer,
  fieldValue,
  Reverse,
  reverseExamples,
  reverseModel,
  TwoStep,
  twoStepModel,
} from "../support/reverse-task.js";

describe("BootstrapFewShot", () => {
  const trainset = reverseExamples(20);

  it("takes maxBootstrappedDemos augmented demos and tops up with raw examples to maxLabeledDemos", async () => {
    const lm = reverseModel();
    const program = new Predict(Reverse);
    const optimizer = new BootstrapFewShot({ maxBootstrappedDemos: 3, maxLabeledDemos: 5 });
    const outcome = await optimizer.bootstrap(
      program,
      trainset,
      testContext({ lm, trainset, metric: exactAnswer }),
    );
    expect(outcome.successes).toEqual([0, 1, 2]);
    const demos = outcome.state.self!.demos;
    expect(demos).toHaveLength(5);
    // Augmented demos come from the teacher's successful traces, in training order...
    expect(demos.slice(0, 3)).toEqual(
      trainset.slice(0, 3).map(({ question, answer }) => ({ question, answer })),
    );
    // ...then raw examples that were not bootstrapped.
    expect(demos.slice(3).map((demo) => demo.question)).toEqual(["q3x", "q4x"]);
  });

  it("never shows an example to the teacher as a demo of itself", async () => {
    const lm = reverseModel();
    const program = new Predict(Reverse);
    const optimizer = new BootstrapFewShot({ maxBootstrappedDemos: 8, maxLabeledDemos: 16 });
    await optimizer.bootstrap(program, trainset, testContext({ lm, trainset, metric: exactAnswer }));
    expect(lm.calls.length).toBeGreaterThanOrEqual(8);
    for (const call of lm.calls) {
      const query = fieldValue(call.messages.at(-1), "question");
      const demos = demoQuestions(call.messages);
      expect(demos.length).toBeGreaterThan(0);
      expect(demos).not.toContain(query);
    }
  });

  it("bootstraps every step of a multi-predictor program from one end-to-end metric", async () => {
    const program = new TwoStep();
    const optimizer = new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 });
    const outcome = await optimizer.bootstrap(
      program,
      trainset,
      testContext({ lm: twoStepModel(), trainset, metric: exactAnswer }),
    );
    expect(outcome.state.hint!.demos).toEqual([
      { question: "q0x", hint: "h:q0x" },
      { question: "q1x", hint: "h:q1x" },
    ]);
    expect(outcome.state.answer!.demos).toEqual([
      { question: "q0x", hint: "h:q0x", answer: "x0q" },
      { question: "q1x", hint: "h:q1x", answer: "x1q" },
    ]);
  });

  it("re-samples later rounds at temperature 1 with a new rollout id", async () => {
    const lm = reverseModel();
    const program = new Predict(Reverse);
    // A metric that only accepts examples on the second look.
    const seen = new Set<unknown>();
    const metric = (example: { readonly [key: string]: unknown }) => {
      const again = seen.has(example.id);
      seen.add(example.id);
      return again;
    };
    const small = trainset.slice(0, 4);
    const optimizer = new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 0, maxRounds: 2 });
    const outcome = await optimizer.bootstrap(program, small, testContext({ lm, trainset: small, metric }));
    expect(outcome.successes).toEqual([0, 1]);
    expect(lm.calls.slice(0, 4).map((call) => [call.temperature, call.rolloutId])).toEqual(
      Array(4).fill([0, 0]),
    );
    expect(lm.calls.slice(4).every((call) => call.temperature === 1 && call.rolloutId === 1)).toBe(true);
  });

  it("leaves the program it is given untouched", async () => {
    const program = new Predict(Reverse);
    const before = JSON.stringify(program.state());
    await new BootstrapFewShot().optimize(
      program,
      testContext({ lm: reverseModel(), trainset, metric: exactAnswer }),
    );
    expect(JSON.stringify(program.state())).toBe(before);
  });

  it("counts failing teacher runs and stops past maxErrors", async () => {
    const program = new Predict(Reverse);
    const throwing = () => {
      throw new Error("metric exploded");
    };
    const optimizer = new BootstrapFewShot({ maxErrors: 2 });
    await expect(
      optimizer.bootstrap(program, trainset, testContext({ lm: reverseModel(), trainset, metric: throwing })),
    ).rejects.toThrow(/stopped after 3 failed teacher runs.*metric exploded/);
  });
});
