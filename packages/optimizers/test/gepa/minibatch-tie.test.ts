import { type Metric, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { GEPA } from "../../src/index.js";
import {
  answerWithFeedback,
  keywordExamples,
  keywordStudent,
  Reverse,
  reflectiveContext,
  scriptedTeacher,
} from "../reflective/keyword-task.js";

const trainset = keywordExamples(6, 100);
const valset = keywordExamples(10);
// Behaves exactly like the original instruction on every row, so the child ties its parent.
const tying = { new_instruction: "Reply to the `question`." };

/** The metric, counting its calls per example id. */
function countingMetric(): { metric: Metric; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const metric: Metric = (example, prediction, trace) => {
    const id = String(example.id);
    calls.set(id, (calls.get(id) ?? 0) + 1);
    return answerWithFeedback(example, prediction, trace);
  };
  return { metric, calls };
}

describe("GEPA's minibatch gate", () => {
  it("rejects a child that only ties its parent on the minibatch without scoring it on the valset", async () => {
    const { metric, calls } = countingMetric();
    const student = keywordStudent();
    const context = reflectiveContext({
      student,
      teacher: scriptedTeacher([tying]),
      trainset,
      valset,
      metric,
    });
    const result = await new GEPA({ maxMetricCalls: 100, maxIterations: 1, skipPerfect: false }).optimize(
      new Predict(Reverse),
      context,
    );

    const [proposal] = result.details!.proposals as Array<Record<string, unknown>>;
    expect(proposal).toMatchObject({ instruction: tying.new_instruction, accepted: false });
    expect(proposal!.childSum).toBe(proposal!.parentSum);
    expect(proposal!.reason).toMatch(/^minibatch sum (\d) does not beat the parent's \1$/);
    expect(proposal!.candidate).toBeUndefined();
    expect(result.details!.lineage).toHaveLength(1);

    // Each validation example is scored once (the seed), each minibatch example twice (parent, child).
    const valsetCalls = valset.map((example) => calls.get(String(example.id)) ?? 0);
    expect(valsetCalls).toEqual(valset.map(() => 1));
    const minibatch = proposal!.minibatch as number[];
    expect(minibatch.map((index) => calls.get(String(trainset[index]!.id)))).toEqual([2, 2, 2]);
    expect([...calls.values()].reduce((total, count) => total + count, 0)).toBe(10 + 2 * 3);
    expect(result.details!.budget).toEqual({ max: 100, metricCalls: 16, teacherCalls: 1, used: 17 });
    expect(student.calls).toHaveLength(16);
    expect(result.state).toEqual(new Predict(Reverse).state());
  });
});
