import { evaluate, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { expectedOutputs, inputValues } from "../../src/reflective/example-fields.js";
import { outcomesFor } from "../../src/reflective/example-outcome.js";
import { renderOutcome } from "../../src/reflective/render-outcome.js";
import { HintThenAnswer, hintThenAnswerStudent } from "../gepa/two-step-task.js";
import { answerWithFeedback, keywordExamples, keywordStudent, Reverse } from "./keyword-task.js";

const row = { id: "row-1", question: "q1x", answer: "x1q", source: "web" };

describe("example fields", () => {
  it("separates what the program reads from what it should produce, for predictors and custom modules", () => {
    const predict = new Predict(Reverse);
    expect(inputValues(predict, row)).toEqual({ question: "q1x" });
    expect(expectedOutputs(predict, row)).toEqual({ answer: "x1q" });
    // A custom module is handed the whole row, so its inputs come from its predictors' fields.
    const custom = new HintThenAnswer();
    expect(inputValues(custom, row)).toEqual({ question: "q1x" });
    expect(expectedOutputs(custom, row)).toEqual({ answer: "x1q" });
  });
});

describe("outcomesFor", () => {
  it("takes the step's traced inputs and outputs, and the program's prediction when it differs", async () => {
    const program = new HintThenAnswer();
    const evaluation = await evaluate(program, keywordExamples(2), answerWithFeedback, {
      settings: { lm: hintThenAnswerStudent() },
      keepTraces: true,
    });
    const [, second] = outcomesFor(program, "hint", evaluation);
    expect(second).toEqual({
      index: 1,
      score: 0,
      inputs: { question: "q1x" },
      outputs: { hint: "?" },
      programOutputs: { answer: "q1x" },
      expected: { answer: "x1q" },
      feedback: 'answer: expected "x1q", got "q1x"',
    });
    const answerStep = outcomesFor(program, "answer", evaluation)[1]!;
    expect(answerStep.inputs).toEqual({ question: "q1x", hint: "?" });
    expect(answerStep.programOutputs).toBeUndefined();
  });

  it("shows why the program failed when it produced nothing", async () => {
    const program = new Predict(Reverse).withInstructions("Answer the `question` with BREAK.");
    const evaluation = await evaluate(program, keywordExamples(1), answerWithFeedback, {
      settings: { lm: keywordStudent() },
      keepTraces: true,
    });
    const [outcome] = outcomesFor(program, "self", evaluation);
    expect(renderOutcome(outcome!, "Failure 1")).toMatch(
      /^### Failure 1 \(score 0\)\nInputs:\n {2}question: q0x\nOutputs: \(none: the program failed\)\nEXPECTED outputs:\n {2}answer: x0q\nError: LatheOutputParseError: could not parse/,
    );
  });
});
