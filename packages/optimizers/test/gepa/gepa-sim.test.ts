import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { compile, GEPA } from "../../src/index.js";
import { countedSim, Triage, triageData, triageScore } from "../reflective/sim-triage.js";

describe("GEPA on the sim", () => {
  it("raises ticket-triage accuracy of the small model within 300 metric calls", async () => {
    const { trainset, valset } = triageData();
    const [student, teacher] = [countedSim("small"), countedSim("large")];
    const { report } = await compile(new Predict(Triage), {
      optimizer: new GEPA({ maxMetricCalls: 300 }),
      trainset,
      valset,
      metric: triageScore,
      lm: student,
      teacher,
      seed: 1,
      cache: new MemoryCache(),
    });
    const details = report.details.gepa as {
      budget: { used: number; teacherCalls: number };
      lineage: unknown[];
      proposed: number;
      accepted: number;
    };
    expect(report.final.mean - report.baseline.mean).toBeGreaterThanOrEqual(0.3);
    expect(report.improvement.ci.low).toBeGreaterThan(0);
    expect(details.budget.used).toBeLessThanOrEqual(300);
    expect(details.budget.teacherCalls).toBe(teacher.calls);
    expect(details.accepted).toBeGreaterThan(0);
    expect(details.lineage).toHaveLength(details.accepted + 1);
  });
});
