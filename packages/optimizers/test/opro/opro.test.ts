import { MockLanguageModel, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, OPRO } from "../../src/index.js";
import {
  answerWithFeedback,
  keywordExamples,
  keywordStudent,
  marked,
  markerValue,
  Reverse,
  reflectiveContext,
  teacherQuery,
} from "../reflective/keyword-task.js";

const trainset = keywordExamples(6, 100);

/** Proposals by rollout id: step 1 gets rollouts 0-3, step 2 rollouts 4-7. */
const proposals = [
  "Answer the `question` carefully.", // 0.5, like the original
  "Answer the `question` with BREAK.", // 0: the replies cannot be parsed
  "Reverse the `question`.", // 1
  "Answer the `question` carefully.", // a repeat: not evaluated again
  "Reverse the `question` and answer.", // 1: ties the best, so not a new best
  "Answer the `question`.", // the original: a repeat
  "Reply to the `question`.", // 0.5
  "", // empty
];

function rolloutTeacher(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "teacher",
    responses: (request) => marked({ proposed_instruction: proposals[request.rolloutId ?? 0] ?? "" }),
  });
}

describe("OPRO", () => {
  it("samples several instructions per step at temperature 1 with distinct rollout ids and shows past scores in ascending order", async () => {
    const teacher = rolloutTeacher();
    const context = reflectiveContext({
      student: keywordStudent(),
      teacher,
      trainset,
      valset: keywordExamples(10),
    });
    const result = await new OPRO({
      numSteps: 2,
      samplesPerStep: 4,
      maxHistory: 3,
      numExamplesShown: 2,
    }).optimize(new Predict(Reverse), context);
    expect(teacher.calls.map((call) => [call.temperature, call.rolloutId])).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((rolloutId) => [1, rolloutId]),
    );
    const first = teacherQuery(teacher.calls[0]);
    expect(markerValue(first, "scored_instructions")).toBe("text:\nAnswer the `question`.\nscore:\n0.500");
    const examples = markerValue(first, "examples")!;
    expect(examples.match(/### Example \d/g)).toEqual(["### Example 1", "### Example 2"]);
    expect(examples).toMatch(/Inputs:\n {2}question: q10\dx\nCorrect outputs:\n {2}answer: x\d01q/);

    // Step 2 sees the best three of the four scored instructions, lowest first.
    const history = markerValue(teacherQuery(teacher.calls[4]), "scored_instructions")!;
    const scores = [...history.matchAll(/score:\n([\d.]+)/g)].map((match) => Number(match[1]));
    expect(scores).toEqual([0.5, 0.5, 1]);
    expect(history.split("\n\n").at(-1)).toBe("text:\nReverse the `question`.\nscore:\n1");
    expect(history).not.toContain("BREAK");

    const recorded = result.details!.proposals as Array<Record<string, unknown>>;
    expect(recorded.map((proposal) => [proposal.id, proposal.score, proposal.accepted])).toEqual([
      ["opro/1.0", 0.5, false],
      ["opro/1.1", 0, false],
      ["opro/1.2", 1, true],
      ["opro/1.3", undefined, false],
      ["opro/2.0", 1, false],
      ["opro/2.1", undefined, false],
      ["opro/2.2", 0.5, false],
      ["opro/2.3", undefined, false],
    ]);
    expect(recorded[3]!.reason).toBe("repeats an instruction already tried");
    expect(recorded[5]!.reason).toBe("repeats an instruction already tried");
    expect(recorded[7]!.reason).toBe("the proposal is empty");
    expect(result.state.self!.instructions).toBe("Reverse the `question`.");
    expect(result.candidates.find((candidate) => candidate.chosen)!.id).toBe("opro/1.2");
  });

  it("confirms the best few on the whole valset when it scored on a subset", async () => {
    const student = keywordStudent();
    const valset = keywordExamples(30);
    const context = reflectiveContext({ student, teacher: rolloutTeacher(), trainset, valset, seed: 3 });
    const result = await new OPRO({ numSteps: 1, evalSubsetSize: 8, finalCandidates: 2 }).optimize(
      new Predict(Reverse),
      context,
    );
    expect(result.details!.subset).toEqual({ size: 8, of: 30 });
    expect(result.candidates.every((candidate) => candidate.count === 8)).toBe(true);
    expect(result.details!.confirmation).toEqual([
      { id: "opro/1.2", mean: 1, count: 30 },
      { id: "opro/original", mean: expect.any(Number), count: 30 },
    ]);
    expect(result.details!.chosen).toBe("opro/1.2");
  });

  it("is deterministic under a seed", async () => {
    const run = () =>
      new OPRO({ numSteps: 2, evalSubsetSize: 6 }).optimize(
        new Predict(Reverse),
        reflectiveContext({
          student: keywordStudent(),
          teacher: rolloutTeacher(),
          trainset,
          valset: keywordExamples(20),
          seed: 9,
        }),
      );
    const [first, second] = [await run(), await run()];
    expect(second.state).toEqual(first.state);
    expect(second.candidates).toEqual(first.candidates);
    expect(second.details).toEqual(first.details);
  });

  it("stops at the compile budget and keeps the best instruction scored so far", async () => {
    const student = keywordStudent();
    const teacher = rolloutTeacher();
    const { report, state } = await compile(new Predict(Reverse), {
      optimizer: new OPRO({ numSteps: 3, samplesPerStep: 4 }),
      trainset,
      valset: keywordExamples(10),
      metric: answerWithFeedback,
      lm: student,
      teacher,
      cache: false,
      budget: { maxCalls: 60 },
    });
    expect(student.calls.length + teacher.calls.length).toBeLessThanOrEqual(60);
    expect(report.notes.join("\n")).toMatch(/opro: stopped early: .*60 calls/);
    const { proposals } = report.details.opro as { proposals: Array<{ id: string; accepted: boolean }> };
    expect(proposals.filter((proposal) => proposal.accepted).map((proposal) => proposal.id)).toEqual([
      "opro/1.2",
    ]);
    expect(state.self!.instructions).toBe("Reverse the `question`.");
  });
});
