import { generateDataset, simTasks } from "@lathe/adapters";
import { type Example, signature } from "@lathe/core";
import { z } from "zod";

/** The quickstart's ticket-triage signature: the sim model recognises it as its triage task. */
export const Triage = signature(
  "Route each customer support ticket to the right queue (billing, technical or account) and flag whether it is urgent.",
)
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean());

/** Seeded triage rows split into a trainset and a valset. */
export function triageSplits(
  sizes: { train: number; val: number },
  seed = 3,
): { trainset: Example[]; valset: Example[] } {
  const rows = generateDataset(simTasks["ticket-triage"], { seed, size: sizes.train + sizes.val });
  return { trainset: rows.slice(0, sizes.train), valset: rows.slice(sizes.train) };
}

export function exactMatch(example: Example, prediction: Record<string, unknown>): boolean {
  return prediction.queue === example.queue && prediction.urgent === example.urgent;
}
