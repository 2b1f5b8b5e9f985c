import { createSimModel, generateDataset, simTasks } from "@lathe/adapters";
import type { GenerateRequest, GenerateResult, LanguageModel, Metric } from "@lathe/core";
import { signature } from "@lathe/core";
import { z } from "zod";

/** The sim's ticket-triage task: five hidden routing rules the small model rarely knows. */
export const triageTask = simTasks["ticket-triage"];

export const Triage = signature(triageTask.instruction)
  .input("ticket", z.string(), "the customer's message")
  .output("queue", z.enum(["billing", "technical", "account"]), "the team that should handle the ticket")
  .output("urgent", z.boolean(), "whether the ticket needs attention today");

/** Partial credit per field, with feedback such as `queue: expected "billing", got "technical"`. */
export const triageScore: Metric = (example, prediction) => triageTask.score(example, prediction);

/** 30 training and 40 validation tickets (dataset seed 1). */
export function triageData() {
  const rows = generateDataset(triageTask, { seed: 1, size: 70 });
  return { trainset: rows.slice(0, 30), valset: rows.slice(30) };
}

/** A sim model that counts the calls that reach it (cache hits never do). */
export function countedSim(id: "small" | "large"): LanguageModel & { readonly calls: number } {
  const model = createSimModel(id);
  let calls = 0;
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    doGenerate: (request: GenerateRequest): Promise<GenerateResult> => {
      calls++;
      return model.doGenerate(request);
    },
    get calls() {
      return calls;
    },
  };
}
