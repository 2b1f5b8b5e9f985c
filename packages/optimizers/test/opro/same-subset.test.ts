import { MockLanguageModel, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { OPRO } from "../../src/index.js";
import {
  keywordExamples,
  keywordStudent,
  marked,
  markerValue,
  Reverse,
  reflectiveContext,
} from "../reflective/keyword-task.js";

/** A distinct, valid instruction per rollout id, so every sample is scored. */
function distinctTeacher(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "teacher",
    responses: (request) =>
      marked({ proposed_instruction: `Answer the \`question\` (variant ${request.rolloutId ?? 0}).` }),
  });
}

describe("OPRO scoring", () => {
  it("scores the original and every sampled instruction of every step on the same subset examples", async () => {
    const student = keywordStudent();
    const context = reflectiveContext({
      student,
      teacher: distinctTeacher(),
      trainset: keywordExamples(6, 100),
      valset: keywordExamples(20),
      seed: 5,
    });
    // finalCandidates 1: no re-scoring on the whole valset, so every student call is a subset score.
    const result = await new OPRO({
      numSteps: 2,
      samplesPerStep: 3,
      evalSubsetSize: 6,
      finalCandidates: 1,
    }).optimize(new Predict(Reverse), context);

    const questionsByInstruction = new Map<string, string[]>();
    for (const call of student.calls) {
      const instruction = (call.messages[0]?.content ?? "").split("Your input fields are:")[0]!.trim();
      const questions = questionsByInstruction.get(instruction) ?? [];
      questions.push(markerValue(call.messages.at(-1), "question")!);
      questionsByInstruction.set(instruction, questions);
    }
    expect(questionsByInstruction.size).toBe(1 + 2 * 3);
    const subsets = [...questionsByInstruction.values()].map((questions) => [...questions].sort());
    expect(subsets[0]).toHaveLength(6);
    expect(new Set(subsets[0]).size).toBe(6);
    for (const subset of subsets) expect(subset).toEqual(subsets[0]);

    const proposals = result.details!.proposals as Array<{ step: number; score?: number }>;
    expect(proposals.map((proposal) => proposal.step)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(proposals.every((proposal) => proposal.score !== undefined)).toBe(true);
    expect(result.candidates.every((candidate) => candidate.count === 6)).toBe(true);
    expect(result.details!.subset).toEqual({ size: 6, of: 20 });
  });
});
