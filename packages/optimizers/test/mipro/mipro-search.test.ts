import { MockLanguageModel, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MIPRO } from "../../src/index.js";
import { exactAnswer, Reverse, reverseExamples, TwoStep, twoStepModel } from "../support/reverse-task.js";
import {
  allText,
  GOOD_INSTRUCTION,
  mockStudent,
  mockTeacher,
  requestedOutputs,
  studentTeacherContext,
} from "./mock-teacher.js";

interface Details {
  numTrials: number;
  valsetSize: number;
  proposals: Record<string, Array<{ index: number; instruction: string; source: string; tip?: string }>>;
  trials: Array<{
    trial: number;
    configuration: Record<string, unknown>;
    minibatch: number[];
    score: number;
  }>;
  fullEvaluations: Array<{ id: string; configuration: unknown; afterTrial: number; mean: number }>;
  winner: { id: string; configuration: unknown; mean: number };
  demoSets: Array<{ id: string }>;
}

const trainset = reverseExamples(20);
const valset = reverseExamples(44).slice(20);

function run(options: ConstructorParameters<typeof MIPRO>[0] = {}, seed = 1) {
  const student = mockStudent();
  const teacher = mockTeacher();
  const context = studentTeacherContext({ student, teacher, trainset, valset, metric: exactAnswer, seed });
  return {
    student,
    teacher,
    result: new MIPRO({ numCandidates: 6, minibatchSize: 8, numTrials: 10, ...options }).optimize(
      new Predict(Reverse),
      context,
    ),
  };
}

describe("MIPRO search", () => {
  it("keeps the original instruction as candidate 0 and proposes numCandidates - 1 more", async () => {
    const details = (await run().result).details as unknown as Details;
    const proposals = details.proposals.self!;
    expect(proposals).toHaveLength(6);
    expect(proposals[0]).toMatchObject({ index: 0, instruction: "Answer the question.", source: "original" });
    for (const proposal of proposals.slice(1)) {
      expect(proposal.source).toBe("proposed");
      expect(proposal.tip).toMatch(/^(none|creative|simple|description|high-stakes|persona)$/);
    }
    // Demo sets as random search builds them: zero-shot, labeled, unshuffled bootstrap, shuffles.
    expect(details.demoSets.map((set) => set.id)).toEqual([
      "zero-shot",
      "labeled",
      "bootstrap",
      "shuffled-0",
      "shuffled-1",
      "shuffled-2",
    ]);
  });

  it("runs numTrials minibatch trials and fully evaluates the best untested every minibatchFullEvalSteps", async () => {
    const { result } = run({ minibatchFullEvalSteps: 4 });
    const { details, candidates, state } = await result;
    const report = details as unknown as Details;
    expect(report.numTrials).toBe(10);
    expect(report.trials.map((trial) => trial.trial)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const trial of report.trials) {
      expect(trial.minibatch).toHaveLength(8);
      expect(new Set(trial.minibatch).size).toBe(8);
      expect(Math.max(...trial.minibatch)).toBeLessThan(valset.length);
    }
    // Seeded minibatches differ between trials.
    expect(new Set(report.trials.map((trial) => trial.minibatch.join())).size).toBeGreaterThan(1);
    // The uncompiled program first, then after trials 4, 8 and 10 (the end).
    expect(report.fullEvaluations.map((entry) => [entry.id, entry.afterTrial])).toEqual([
      ["mipro/uncompiled", 0],
      ["mipro/full-4", 4],
      ["mipro/full-8", 8],
      ["mipro/full-10", 10],
    ]);
    expect(candidates.map((candidate) => candidate.id)).toEqual(
      report.fullEvaluations.map((entry) => entry.id),
    );
    for (const candidate of candidates) expect(candidate.count).toBe(valset.length);
    // Each full evaluation is of the untested configuration with the best mean minibatch score.
    const configurations = report.fullEvaluations.map((entry) => JSON.stringify(entry.configuration));
    expect(new Set(configurations).size).toBe(configurations.length);
    for (const entry of report.fullEvaluations.slice(1)) {
      const before = report.trials.filter((trial) => trial.trial <= entry.afterTrial);
      const earlier = report.fullEvaluations
        .filter((other) => other.afterTrial < entry.afterTrial)
        .map((other) => JSON.stringify(other.configuration));
      const means = new Map<string, number[]>();
      for (const trial of before) {
        const key = JSON.stringify(trial.configuration);
        if (!earlier.includes(key)) means.set(key, [...(means.get(key) ?? []), trial.score]);
      }
      const best = Math.max(
        ...[...means.values()].map((scores) => scores.reduce((a, b) => a + b) / scores.length),
      );
      const chosen = means.get(JSON.stringify(entry.configuration))!;
      expect(chosen.reduce((a, b) => a + b) / chosen.length).toBe(best);
    }
    // The winner is the best full evaluation, and its state is returned.
    const best = Math.max(...candidates.map((candidate) => candidate.mean));
    const chosen = candidates.filter((candidate) => candidate.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.mean).toBe(best);
    expect(report.winner).toMatchObject({ id: chosen[0]!.id, mean: best });
    expect(best).toBe(1);
    expect(candidates[0]!.mean).toBe(0);
    const winning = report.fullEvaluations.find((entry) => entry.id === report.winner.id)!;
    expect(winning.configuration).toEqual(report.winner.configuration);
    expect(state.self).toBeDefined();
  });

  it("returns the uncompiled program when nothing beats it (ties go to it)", async () => {
    // A student that is always right: every configuration ties at 1.
    const student = new MockLanguageModel({
      responses: (request) => {
        const query = request.messages.at(-1)?.content ?? "";
        const question = /## question ## \]\]\n([^\n]*)/.exec(query)?.[1] ?? "";
        return `[[ ## answer ## ]]\n${[...question].reverse().join("")}\n\n[[ ## completed ## ]]`;
      },
    });
    const context = studentTeacherContext({
      student,
      teacher: mockTeacher(),
      trainset,
      valset,
      metric: exactAnswer,
    });
    const program = new Predict(Reverse);
    const result = await new MIPRO({ numCandidates: 3, minibatchSize: 8, numTrials: 4 }).optimize(
      program,
      context,
    );
    expect(result.candidates.find((candidate) => candidate.chosen)!.id).toBe("mipro/uncompiled");
    expect(result.state).toEqual(program.state());
  });

  it("treats each trial as a full evaluation when the minibatch covers the whole valset", async () => {
    const { result, student } = run({ minibatchSize: 100, numTrials: 6 });
    const report = (await result).details as unknown as Details;
    for (const trial of report.trials) expect(trial.minibatch).toHaveLength(valset.length);
    const distinct = new Set(report.trials.map((trial) => JSON.stringify(trial.configuration)));
    // The uncompiled program, then every distinct configuration a trial tried, once each.
    expect(report.fullEvaluations).toHaveLength(1 + distinct.size);
    expect(report.fullEvaluations.slice(1).map((entry) => entry.id)).toEqual(
      report.trials.map((trial) => `mipro/full-${trial.trial}`),
    );
    // No evaluation is repeated: every student call is a distinct (configuration, example).
    expect(student.calls.length).toBeLessThanOrEqual(valset.length * (1 + distinct.size));
  });

  it("chooses an instruction and a demo set for every predictor of a multi-step program", async () => {
    const steps = twoStepModel();
    const teacher = mockTeacher();
    // The teacher writes instructions and summaries; the task itself is answered by the two-step mock.
    const both = new MockLanguageModel({
      responses: (request) =>
        ["answer", "hint"].includes(requestedOutputs(request)[0]!)
          ? steps.doGenerate(request)
          : teacher.doGenerate(request),
    });
    const context = studentTeacherContext({
      student: both,
      teacher: both,
      trainset,
      valset,
      metric: exactAnswer,
    });
    const result = await new MIPRO({ numCandidates: 3, minibatchSize: 8, numTrials: 6 }).optimize(
      new TwoStep(),
      context,
    );
    const report = result.details as unknown as Details;
    expect(Object.keys(report.proposals)).toEqual(["hint", "answer"]);
    for (const trial of report.trials) expect(Object.keys(trial.configuration)).toEqual(["hint", "answer"]);
    // The module descriptions were asked per predictor, and each proposal names its module.
    const proposed = teacher.calls.filter((call) => requestedOutputs(call)[0] === "proposed_instruction");
    expect(proposed.filter((call) => allText(call).includes("Module `hint`"))).toHaveLength(2);
    expect(proposed.filter((call) => allText(call).includes("Module `answer`"))).toHaveLength(2);
    expect(Object.keys(result.state)).toEqual(["hint", "answer"]);
    // Answers are right only with demos, so the winner gives the answer step some.
    expect(result.candidates.find((candidate) => candidate.chosen)!.mean).toBe(1);
    expect(result.state.answer!.demos.length).toBeGreaterThan(0);
  });

  it("finds an instruction that fixes the task, and the winner is fully evaluated", async () => {
    const { state, candidates } = await run({ maxDemos: 0 }).result;
    expect(state.self!.instructions).toContain(GOOD_INSTRUCTION);
    expect(state.self!.demos).toEqual([]);
    expect(candidates.find((candidate) => candidate.chosen)!.mean).toBe(1);
  });
});
