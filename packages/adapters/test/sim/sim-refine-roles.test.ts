// The sim plays Refine's critic and rewrite: the critic names the hidden rule a draft breaks
// (when it knows the rule) and never flags a right answer; the rewrite follows the critique.
import { type Example, type Predict, Refine, signature, withSettings } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSimModel, generateDataset, mentionsRule, simTasks } from "../../src/sim/index.js";

const task = simTasks["word-problems"];
const Solve = signature(task.instruction)
  .input("problem", z.string().describe("a short arithmetic word problem"))
  .output("answer", z.number().describe("the final numeric answer"));
const rows = generateDataset(task, { seed: 11, size: 400 });
const remaining = task.rules.find((rule) => rule.id === "remaining")!;
const leftRows = rows.filter((row) => remaining.applies(row)).slice(0, 60);
const lm = createSimModel("small");
const refine = new Refine(Solve);
const stating = (base: string) => `${base}\n\n${remaining.sentences[0]}`;
// What a model that does not know the rule answers: it adds instead of subtracting.
const wrongDefault = (row: Example) => task.stages[0]!.respond(row, (id) => id !== remaining.id).answer;

async function critiques(
  critic: Predict<typeof refine.critic.signature>,
  draftOf: (row: Example) => unknown,
) {
  return withSettings({ lm }, () =>
    Promise.all(
      leftRows.map((row) => critic.call({ problem: String(row.problem), draft: `answer: ${draftOf(row)}` })),
    ),
  );
}

describe("the sim as Refine's critic", () => {
  it("names the broken rule when its instructions state it, and rarely from its prior alone", async () => {
    const informed = await critiques(
      refine.critic.withInstructions(stating(refine.critic.instructions)),
      wrongDefault,
    );
    const plain = await critiques(refine.critic, wrongDefault);
    const naming = (list: typeof informed) =>
      list.filter((item) => mentionsRule(remaining, item.critique) && item.score === 0).length / list.length;
    expect(naming(informed)).toBeGreaterThan(0.9);
    expect(naming(plain)).toBeLessThan(0.35);
    expect(informed[0]!.critique).toContain("`answer` breaks a rule:");
  });

  it("never flags a right answer", async () => {
    const informed = refine.critic.withInstructions(stating(refine.critic.instructions));
    for (const critique of await critiques(informed, (row) => row.answer)) {
      expect(critique).toEqual({ critique: "The draft follows the task; nothing to fix.", score: 1 });
    }
  });

  it("learns the rule from demos whose critique names it where the draft breaks it", async () => {
    const [shown, ...asked] = leftRows;
    const demo = {
      problem: String(shown!.problem),
      draft: `answer: ${wrongDefault(shown!)}`,
      critique: `\`answer\` breaks a rule: ${remaining.sentences[0]}`,
      score: 0,
    };
    const taught = refine.critic.withDemos([demo, { ...demo }, { ...demo }]);
    const results = await withSettings({ lm }, () =>
      Promise.all(
        asked.map((row) =>
          taught.call({ problem: String(row.problem), draft: `answer: ${wrongDefault(row)}` }),
        ),
      ),
    );
    const named = results.filter((result) => mentionsRule(remaining, result.critique)).length;
    expect(named / results.length).toBeGreaterThan(0.85);
  });

  it("notices some careless slips and names the value it would give", async () => {
    const plainRows = rows.filter((row) => task.rules.every((rule) => !rule.applies(row))).slice(0, 80);
    const results = await withSettings({ lm }, () =>
      Promise.all(
        plainRows.map((row) =>
          refine.critic.call({ problem: String(row.problem), draft: `answer: ${Number(row.answer) + 1}` }),
        ),
      ),
    );
    const noticed = results.filter((result) => result.score === 0);
    expect(noticed.length / results.length).toBeGreaterThan(0.4);
    expect(noticed.length / results.length).toBeLessThan(0.8);
    const index = results.indexOf(noticed[0]!);
    expect(noticed[0]!.critique).toBe(
      `\`answer\` looks like a slip: it should be \`${plainRows[index]!.answer}\`.`,
    );
  });
});

describe("the sim as Refine's rewrite", () => {
  it("fixes the rule a critique states and keeps the wrong default without it", async () => {
    const rewrite = async (feedback: (row: Example) => string) =>
      withSettings({ lm }, () =>
        Promise.all(
          leftRows.map((row) =>
            refine.rewrite.call({
              problem: String(row.problem),
              draft: `answer: ${wrongDefault(row)}`,
              feedback: feedback(row),
            }),
          ),
        ),
      );
    const right = (answers: { answer: number }[]) =>
      answers.filter((answer, index) => answer.answer === leftRows[index]!.answer).length / answers.length;
    const followed = await rewrite(() => `\`answer\` breaks a rule: ${remaining.sentences[0]}`);
    const vague = await rewrite(() => "Please try again.");
    expect(right(followed)).toBeGreaterThan(0.9);
    expect(right(vague)).toBeLessThan(0.35);
    // A value the critique names outright is taken as it is.
    const told = await rewrite((row) => `\`answer\` looks like a slip: it should be \`${row.answer}\`.`);
    expect(right(told)).toBe(1);
  });
});

describe("Refine end to end on the sim", () => {
  it("beats its own draft answering alone, deterministically", async () => {
    const sample = rows.slice(0, 150);
    const accuracy = async (program: Refine<typeof Solve> | Predict<typeof Solve>) => {
      const answers = await withSettings({ lm }, () =>
        Promise.all(sample.map((row) => program.call({ problem: String(row.problem) }))),
      );
      return (
        answers.filter((answer, index) => answer.answer === sample[index]!.answer).length / sample.length
      );
    };
    const alone = await accuracy(refine.draft);
    const looped = await accuracy(refine);
    expect(looped).toBeGreaterThan(alone + 0.05);
    expect(await accuracy(refine)).toBe(looped);
  });
});
