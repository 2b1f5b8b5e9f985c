import { fileURLToPath } from "node:url";
import { type GenerateRequest, Module, Predict, signature } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MIPRO, type MIPROOptions, PROPOSER_TIPS } from "../../src/index.js";
import { exactAnswer, reverseExamples } from "../support/reverse-task.js";
import {
  allText,
  mockStudent,
  mockTeacher,
  requestedOutputs,
  studentTeacherContext,
} from "./mock-teacher.js";

const ReverseAnswer = signature("question: string -> answer: string", "Answer the question.");

/** The program whose source the proposer is shown (this very file, read with ts-morph). */
class ReverseProgram extends Module<{ question: string }, { answer: string }> {
  readonly answer = new Predict(ReverseAnswer);

  override forward(inputs: { question: string }) {
    return this.answer.call(inputs);
  }
}

const UNRELATED_MARKER = "unrelated-declaration-not-shown";
export const unrelated = { note: UNRELATED_MARKER };

const trainset = reverseExamples(20);
const valset = reverseExamples(30).slice(20);

async function proposerRequests(options: MIPROOptions) {
  const teacher = mockTeacher();
  const context = studentTeacherContext({
    student: mockStudent(),
    teacher,
    trainset,
    valset,
    metric: exactAnswer,
  });
  const result = await new MIPRO({ numCandidates: 4, numTrials: 0, ...options }).optimize(
    new ReverseProgram(),
    context,
  );
  const asked = (output: string) => teacher.calls.filter((call) => requestedOutputs(call)[0] === output);
  return { result, asked, proposals: asked("proposed_instruction") };
}

const groundingMarkers = {
  dataAware: ["[[ ## dataset_description ## ]]", "SUMMARY-TEXT"],
  programAware: [
    "[[ ## program_code ## ]]",
    "class ReverseProgram extends Module",
    'const ReverseAnswer = signature("question: string -> answer: string"',
    "[[ ## program_description ## ]]",
    "PROGRAM-DESCRIPTION",
    "[[ ## module_description ## ]]",
    "MODULE-DESCRIPTION",
  ],
  fewshotAware: ["[[ ## task_demos ## ]]", "Example 1:\nquestion: q"],
  tipAware: ["[[ ## tip ## ]]"],
} as const;

describe("the grounded proposer", () => {
  it("shows every enabled grounding input: dataset summary, program code, descriptions, demos and tip", async () => {
    const { result, asked, proposals } = await proposerRequests({
      programSource: fileURLToPath(import.meta.url),
    });
    expect(proposals).toHaveLength(3);
    for (const request of proposals) {
      const text = allText(request);
      for (const marker of Object.values(groundingMarkers).flat()) expect(text).toContain(marker);
      expect(text).toContain("[[ ## basic_instruction ## ]]\nAnswer the question.");
      expect(text).toContain("Module `answer`");
      expect(text).not.toContain(UNRELATED_MARKER);
    }
    // Each proposal is sampled at initTemperature with its own rollout id and shows its own tip.
    expect(proposals.map((request) => request.temperature)).toEqual([1, 1, 1]);
    expect(new Set(proposals.map((request) => request.rolloutId)).size).toBe(3);
    const recorded = (
      result.details as { proposals: Record<string, Array<{ tip?: string; rolloutId?: number }>> }
    ).proposals.answer!;
    for (const candidate of recorded.slice(1)) {
      const request = proposals.find((call) => call.rolloutId === candidate.rolloutId)!;
      const tipText = PROPOSER_TIPS[candidate.tip as keyof typeof PROPOSER_TIPS];
      expect(allText(request)).toContain(`[[ ## tip ## ]]\n${tipText}`);
    }
    // The dataset summary read batches of examples, then summarised the observations.
    expect(asked("observations")).toHaveLength(2);
    expect(asked("summary")).toHaveLength(1);
    expect(allText(asked("observations")[0]!)).toMatch(/Example 1:\nquestion: q\d+x\nanswer: x\d+q/);
    expect(allText(asked("observations")[1]!)).toContain("[[ ## prior_observations ## ]]\nOBSERVATION");
    expect(allText(asked("summary")[0]!)).toContain("OBSERVATION");
    expect(asked("program_description")).toHaveLength(1);
    expect(asked("module_description")).toHaveLength(1);
  });

  it.each(Object.keys(groundingMarkers) as Array<keyof typeof groundingMarkers>)(
    "omits what %s = false switches off, and keeps the rest",
    async (switchedOff) => {
      const { proposals, asked } = await proposerRequests({
        programCode: ReverseProgram.toString(),
        [switchedOff]: false,
      });
      expect(proposals).toHaveLength(3);
      for (const request of proposals) {
        const text = allText(request);
        for (const [name, markers] of Object.entries(groundingMarkers)) {
          // Only the marker lines are checked for the others: programCode here is the class alone.
          const checked =
            name === "programAware" ? markers.filter((marker) => marker.startsWith("[[")) : markers;
          for (const marker of checked) {
            if (name === switchedOff) expect(text).not.toContain(marker);
            else expect(text).toContain(marker);
          }
        }
      }
      if (switchedOff === "dataAware") expect(asked("observations")).toHaveLength(0);
      if (switchedOff === "programAware") expect(asked("program_description")).toHaveLength(0);
    },
  );

  it("with every switch off, asks only for proposals from the module and its instruction", async () => {
    const { proposals, asked } = await proposerRequests({
      dataAware: false,
      programAware: false,
      fewshotAware: false,
      tipAware: false,
    });
    expect(proposals).toHaveLength(3);
    const teacherOutputs = ["observations", "summary", "program_description", "module_description"];
    for (const output of teacherOutputs) expect(asked(output)).toHaveLength(0);
    const text = allText(proposals[0] as GenerateRequest);
    expect(text).toContain("[[ ## module ## ]]");
    expect(text).toContain("[[ ## basic_instruction ## ]]");
    for (const marker of Object.values(groundingMarkers).flat()) expect(text).not.toContain(marker);
  });
});
