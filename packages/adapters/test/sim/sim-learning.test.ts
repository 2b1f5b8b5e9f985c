import { describe, expect, it } from "vitest";
import { createSimModel, generateDataset, mentionedRuleIds, simTasks } from "../../src/sim/index.js";
import {
  accuracy,
  allRulesInstructions,
  formatFailures,
  goodDemos,
  type ProgramSetup,
  proposeInstruction,
  stageFailures,
  teacherRequest,
} from "./sim-harness.js";

const small = createSimModel("small");
const medium = createSimModel("medium");
const large = createSimModel("large");

describe.each(Object.values(simTasks).map((task) => [task.name, task] as const))(
  "the small model learns %s in context",
  (_name, task) => {
    const rows = generateDataset(task, { seed: 21, size: 400 });
    const train = rows.slice(0, 200);
    const dev = rows.slice(200);
    // Each setup is measured once and shared by the assertions below.
    const measured = new Map<string, Promise<number>>();
    const measure = (name: string, setup: ProgramSetup) => {
      if (!measured.has(name)) measured.set(name, accuracy(small, task, dev, setup));
      return measured.get(name)!;
    };
    const allRules = allRulesInstructions(task);

    it("is weak zero-shot, strong with every rule stated, and better with good demos", async () => {
      const zeroShot = await measure("zero-shot", {});
      const instructed = await measure("all rules", { instructions: allRules });
      const demos = await measure("good demos", { demos: goodDemos(task, train) });
      expect(zeroShot).toBeLessThan(0.5);
      expect(instructed).toBeGreaterThan(0.85);
      expect(demos).toBeGreaterThan(zeroShot + 0.2);
      // Two demos per common rule leave the rare rules unseen: instructions still win.
      expect(demos).toBeLessThan(instructed);
    });

    it("is strong with demos that exhibit every rule three times", async () => {
      const curated = await measure("every rule demos", { demos: goodDemos(task, train, 3, "every") });
      expect(curated).toBeGreaterThan(0.85);
      expect(curated).toBeGreaterThan(
        (await measure("good demos", { demos: goodDemos(task, train) })) + 0.05,
      );
    });

    it("measures the same through the JSON adapter's format", async () => {
      expect(await measure("zero-shot json", { format: "json" })).toBeLessThan(0.5);
      expect(await measure("all rules json", { format: "json", instructions: allRules })).toBeGreaterThan(
        0.85,
      );
    });

    it("gets a better instruction from the large teacher when shown failures with expected outputs", async () => {
      const proposals: Record<string, string> = {};
      let withFailures = 0;
      let withNothing = 0;
      for (const stage of task.stages) {
        const failures = (await stageFailures(small, task, stage, train.slice(0, 40), {})).slice(0, 10);
        const proposal = await proposeInstruction(
          large,
          teacherRequest(task, stage, stage.instruction, formatFailures(stage, failures)),
        );
        const blank = await proposeInstruction(large, teacherRequest(task, stage, stage.instruction, ""));
        proposals[stage.name] = proposal;
        withFailures += mentionedRuleIds(stage.rules, proposal).length;
        withNothing += mentionedRuleIds(stage.rules, blank).length;
      }
      expect(withFailures).toBeGreaterThan(withNothing);
      expect(withFailures).toBeGreaterThanOrEqual(2);
      const zeroShot = await measure("zero-shot", {});
      expect(await measure("proposal", { instructions: proposals })).toBeGreaterThan(zeroShot + 0.2);
    });

    it("answers more accurately with chain of thought", async () => {
      const direct = await measure("all rules", { instructions: allRules });
      expect(await measure("all rules cot", { instructions: allRules, reasoning: true })).toBeGreaterThan(
        direct,
      );
    });
  },
);

describe("model differences", () => {
  it("ranks the models large > medium > small zero-shot, and medium knows different rules than small", async () => {
    const task = simTasks["ticket-triage"];
    const dev = generateDataset(task, { seed: 21, size: 400 }).slice(200);
    const scores = await Promise.all([small, medium, large].map((model) => accuracy(model, task, dev, {})));
    expect(scores[0]!).toBeLessThan(scores[1]!);
    expect(scores[1]!).toBeLessThanOrEqual(scores[2]!);
    const refund = task.rules.find((rule) => rule.id === "refund")!;
    const triggered = dev.filter((row) => refund.applies(row));
    expect(triggered.length).toBeGreaterThan(20);
    expect(await accuracy(medium, task, triggered, {})).toBeGreaterThan(
      (await accuracy(small, task, triggered, {})) + 0.4,
    );
  });

  it("a large teacher picks up more rules than a small one from the same failures", async () => {
    const task = simTasks["word-problems"];
    const stage = task.stages[0]!;
    const train = generateDataset(task, { seed: 21, size: 60 });
    const failures = formatFailures(stage, (await stageFailures(small, task, stage, train, {})).slice(0, 12));
    let largeCount = 0;
    let smallCount = 0;
    for (let rolloutId = 0; rolloutId < 8; rolloutId++) {
      const request = teacherRequest(task, stage, stage.instruction, failures, { temperature: 1, rolloutId });
      largeCount += mentionedRuleIds(task.rules, await proposeInstruction(large, request)).length;
      smallCount += mentionedRuleIds(task.rules, await proposeInstruction(small, request)).length;
    }
    expect(largeCount).toBeGreaterThan(smallCount * 2);
  });
});
