import { type Example, type MetricResult, Predict, signature } from "@lathe/core";
import { z } from "zod";

/** Route a support ticket to a queue and flag urgency. */
export const Triage = signature(
  "Route each customer support ticket to the right queue (billing, technical or account) and flag whether it is urgent.",
)
  .input("ticket", z.string().describe("the customer's message"))
  .output(
    "queue",
    z.enum(["billing", "technical", "account"]).describe("the team that should handle the ticket"),
  )
  .output("urgent", z.boolean().describe("whether the ticket needs attention today"));

export const triage = new Predict(Triage);

/** Both fields right. */
export function triageExact(example: Example, prediction: { queue?: unknown; urgent?: unknown }): boolean {
  return prediction.queue === example.queue && prediction.urgent === example.urgent;
}

/**
 * Both fields right (1) or not (0), with feedback naming each wrong field in the form
 * `queue: expected "billing", got "technical"`; the reflective optimizers (GEPA, MetaPrompt) read it.
 */
export function triageFeedback(
  example: Example,
  prediction: { queue?: unknown; urgent?: unknown },
): MetricResult {
  const wrong = (["queue", "urgent"] as const).filter((field) => prediction[field] !== example[field]);
  if (wrong.length === 0) return { score: 1 };
  const feedback = wrong
    .map(
      (field) =>
        `${field}: expected ${JSON.stringify(example[field])}, got ${JSON.stringify(prediction[field] ?? null)}`,
    )
    .join("; ");
  return { score: 0, feedback };
}
