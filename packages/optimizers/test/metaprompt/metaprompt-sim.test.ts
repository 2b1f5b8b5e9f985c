import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, MetaPrompt } from "../../src/index.js";
import { countedSim, Triage, triageData, triageScore } from "../reflective/sim-triage.js";

describe("MetaPrompt on the sim", () => {
  it("raises ticket-triage accuracy of the small model with the large one as teacher", async () => {
    const { trainset, valset } = triageData();
    const [student, teacher] = [countedSim("small"), countedSim("large")];
    const { report, state } = await compile(new Predict(Triage), {
      optimizer: new MetaPrompt({ numRounds: 4 }),
      trainset,
      valset,
      metric: triageScore,
      lm: student,
      teacher,
      seed: 1,
      cache: new MemoryCache(),
    });
    expect(report.final.mean - report.baseline.mean).toBeGreaterThanOrEqual(0.3);
    expect(report.improvement.ci.low).toBeGreaterThan(0);
    expect(state.self!.instructions).not.toBe(Triage.instructions);
    const { attempts } = report.details.metaprompt as {
      attempts: Array<{
        hypothesis: string;
        score: number;
        parentScore: number;
        accepted: boolean;
      }>;
    };
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(attempt.hypothesis).toMatch(/\w/);
      expect(attempt.accepted).toBe(attempt.score > attempt.parentScore);
    }
  });
});
