import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, OPRO } from "../../src/index.js";
import { countedSim, Triage, triageData, triageScore } from "../reflective/sim-triage.js";

describe("OPRO on the sim", () => {
  it("raises ticket-triage accuracy of the small model with the large one as teacher", async () => {
    const { trainset, valset } = triageData();
    const [student, teacher] = [countedSim("small"), countedSim("large")];
    const { report } = await compile(new Predict(Triage), {
      optimizer: new OPRO({ numSteps: 3, samplesPerStep: 4 }),
      trainset,
      valset,
      metric: triageScore,
      lm: student,
      teacher,
      seed: 1,
      cache: new MemoryCache(),
    });
    expect(report.final.mean - report.baseline.mean).toBeGreaterThanOrEqual(0.2);
    expect(report.improvement.ci.low).toBeGreaterThan(0);
    expect(teacher.calls).toBe(12);
    const { proposals } = report.details.opro as { proposals: Array<{ score?: number; accepted: boolean }> };
    expect(proposals).toHaveLength(12);
    expect(proposals.some((proposal) => proposal.accepted)).toBe(true);
  });
});
