import { describe, expect, it } from "vitest";
import { GEPA } from "../../src/index.js";
import { keywordExamples, reflectiveContext } from "../reflective/keyword-task.js";
import { goodAnswer, goodHint, HintThenAnswer, hintThenAnswerStudent, stepTeacher } from "./two-step-task.js";

describe("GEPA merge", () => {
  it("merges two descendants of the seed, taking each predictor from the one that changed it", async () => {
    const context = reflectiveContext({
      student: hintThenAnswerStudent(),
      teacher: stepTeacher(),
      trainset: keywordExamples(8, 100),
      valset: keywordExamples(12),
      seed: 5,
    });
    const result = await new GEPA({ maxMetricCalls: 200, merge: true }).optimize(
      new HintThenAnswer(),
      context,
    );
    expect(result.details!.lineage).toEqual([
      { id: "gepa/0", parents: [], origin: "seed", mean: 0.25 },
      { id: "gepa/1", parents: ["gepa/0"], origin: "reflection on `hint`", mean: 0.5 },
      { id: "gepa/2", parents: ["gepa/0"], origin: "reflection on `answer`", mean: 0.5 },
      { id: "gepa/3", parents: ["gepa/1", "gepa/2"], origin: "merge of gepa/1 and gepa/2", mean: 1 },
    ]);
    const merge = (result.details!.proposals as Array<Record<string, unknown>>).at(-1)!;
    expect(merge).toMatchObject({
      kind: "merge",
      parents: ["gepa/1", "gepa/2"],
      paths: ["hint from gepa/1", "answer from gepa/2"],
      accepted: true,
      candidate: "gepa/3",
    });
    expect(result.state.hint!.instructions).toBe(goodHint);
    expect(result.state.answer!.instructions).toBe(goodAnswer);
    // The merge beats both parents everywhere, so it alone is left on the front.
    expect(result.details!.pareto).toEqual({ front: ["gepa/3"], leads: { "gepa/3": 12 } });
  });

  it("does not merge unless asked", async () => {
    const context = reflectiveContext({
      student: hintThenAnswerStudent(),
      teacher: stepTeacher(),
      trainset: keywordExamples(8, 100),
      valset: keywordExamples(12),
      seed: 5,
    });
    const result = await new GEPA({ maxMetricCalls: 200 }).optimize(new HintThenAnswer(), context);
    const kinds = (result.details!.proposals as Array<{ kind: string }>).map((proposal) => proposal.kind);
    expect(kinds).not.toContain("merge");
  });
});
