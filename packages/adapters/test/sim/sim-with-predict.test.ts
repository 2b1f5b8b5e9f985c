import { ChainOfThought, ChatAdapter, JsonAdapter, Predict, signature, withSettings } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSimModel, generateDataset, simTasks } from "../../src/sim/index.js";

const task = simTasks["ticket-triage"];
const Queue = z.enum(["billing", "technical", "account"]);
const Triage = signature(task.instruction)
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", Queue)
  .output("urgent", z.boolean());
const rows = generateDataset(task, { seed: 41, size: 100 });
const allRules = [task.instruction, ...task.rules.map((rule) => rule.sentences[0])].join(" ");

async function accuracyOf(
  module: Predict<typeof Triage> | ChainOfThought<typeof Triage>,
  adapter: ChatAdapter | JsonAdapter,
) {
  let correct = 0;
  await withSettings({ lm: createSimModel("small"), adapter }, async () => {
    for (const row of rows.slice(30)) {
      const prediction = await module.call({ ticket: String(row.ticket) });
      if (task.score(row, prediction).score === 1) correct++;
    }
  });
  return correct / (rows.length - 30);
}

describe("the sim behind Lathe's own Predict and prompt adapters", () => {
  it.each([
    ["ChatAdapter", new ChatAdapter()],
    ["JsonAdapter", new JsonAdapter()],
  ] as const)("learns from instructions and demos through the %s", async (_name, adapter) => {
    const zeroShot = await accuracyOf(new Predict(Triage), adapter);
    const instructed = await accuracyOf(new Predict(Triage).withInstructions(allRules), adapter);
    const demos = rows.slice(0, 8).map((row) => ({
      ticket: String(row.ticket),
      queue: Queue.parse(row.queue),
      urgent: row.urgent === true,
    }));
    const withDemos = await accuracyOf(new Predict(Triage).withDemos(demos), adapter);
    const reasoning = await accuracyOf(
      new ChainOfThought(Triage).withState({ predict: { instructions: allRules, demos: [] } }),
      adapter,
    );
    expect(zeroShot).toBeLessThan(0.5);
    expect(instructed).toBeGreaterThan(0.85);
    expect(withDemos).toBeGreaterThan(zeroShot + 0.15);
    expect(reasoning).toBeGreaterThanOrEqual(instructed);
  });
});
