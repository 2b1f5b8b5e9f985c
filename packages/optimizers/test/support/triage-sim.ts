import { createSimModel, generateDataset, simTasks } from "@lathe/adapters";
import { type Example, signature } from "@lathe/core";
import { z } from "zod";
import { type MeteredModel, metered } from "./metered-model.js";

/** The sim's ticket-triage task: three common and two rare hidden rules. */
export const triageTask = simTasks["ticket-triage"];

export const Triage = signature(triageTask.instruction)
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]), "the team that should handle the ticket")
  .output("urgent", z.boolean(), "whether the ticket needs attention today");

/** Partial credit per field (0, 0.5 or 1). */
export function triageScore(example: Example, prediction: Record<string, unknown>): number {
  return triageTask.score(example, prediction).score;
}

/** 60 training and 100 validation tickets (dataset seed 1): sim/small scores 0.595 zero-shot. */
export function triageSplits(): { trainset: Example[]; valset: Example[] } {
  const rows = generateDataset(triageTask, { seed: 1, size: 160 });
  return { trainset: rows.slice(0, 60), valset: rows.slice(60) };
}

/** A sim model recording each call's tokens and cost. */
export function meteredSim(id: "small" | "large"): MeteredModel {
  return metered(createSimModel(id));
}
