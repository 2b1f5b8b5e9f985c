import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import type { SimField, SimStage, SimTask, SimValues } from "../../sim-types.js";
import { chooseCategory } from "../choose-category.js";
import { randomPerson } from "../people-names.js";
import { scoreFields, textOf } from "../score-fields.js";
import {
  closings,
  greetings,
  invoiceCopyPhrases,
  legalPhrases,
  months,
  outagePhrases,
  type Queue,
  refundPhrases,
  saysUrgent,
  securityPhrases,
  topicQueue,
  topicSentences,
  urgencyPhrases,
} from "./ticket-phrases.js";
import {
  invoiceCopyRule,
  legalRule,
  outageRule,
  refundRule,
  securityRule,
  triageRules,
} from "./triage-rules.js";

const queues: readonly Queue[] = ["billing", "technical", "account"];
const inputs: readonly SimField[] = [
  { name: "ticket", type: "string", description: "the customer's message" },
];
const outputs: readonly SimField[] = [
  { name: "queue", type: "enum", values: queues, description: "the team that should handle the ticket" },
  { name: "urgent", type: "boolean", description: "whether the ticket needs attention today" },
];
const instruction =
  "Route each customer support ticket to the right queue (billing, technical or account) and flag whether it is urgent.";

const triageStage: SimStage = {
  name: "triage",
  instruction,
  inputs,
  outputs,
  rules: triageRules,
  respond(values, knows) {
    const ticket = textOf(values.ticket);
    let queue = topicQueue(ticket);
    let urgent = saysUrgent(ticket);
    if (refundRule.applies(values) && knows(refundRule.id)) queue = "billing";
    if (outageRule.applies(values) && knows(outageRule.id)) urgent = true;
    if (securityRule.applies(values)) {
      queue = knows(securityRule.id) ? "account" : "technical";
      urgent ||= knows(securityRule.id);
    }
    if (legalRule.applies(values) && knows(legalRule.id)) urgent = true;
    if (invoiceCopyRule.applies(values) && knows(invoiceCopyRule.id)) urgent = false;
    return { queue, urgent };
  },
  label(values) {
    return typeof values.ticket === "string" ? this.respond(values, () => true) : undefined;
  },
  perturb(answer, _values, rng) {
    if (rng.next() < 0.5) return { ...answer, urgent: answer.urgent !== true };
    return {
      ...answer,
      queue: pick(
        queues.filter((queue) => queue !== answer.queue),
        rng,
      ),
    };
  },
  describe(values) {
    return `The ticket says: "${textOf(values.ticket).slice(0, 90)}".`;
  },
};

function writeBody(rng: Rng): string[] {
  const topic = (from: readonly Queue[]) =>
    pick(
      topicSentences.filter((item) => from.includes(item.queue)),
      rng,
    ).text;
  const maybeUrgent = (chance: number) => (rng.next() < chance ? pick(urgencyPhrases, rng) : "");
  switch (
    chooseCategory(
      rng,
      triageRules.map((rule) => [rule.id, rule.rate] as const),
      "none",
    )
  ) {
    case refundRule.id:
      return [topic(["technical", "account"]), pick(refundPhrases, rng), maybeUrgent(0.2)];
    case outageRule.id:
      return [pick(outagePhrases, rng)];
    case securityRule.id:
      return [pick(securityPhrases, rng)];
    case legalRule.id:
      return [topic(["billing", "account"]), pick(legalPhrases, rng)];
    case invoiceCopyRule.id:
      return [pick(invoiceCopyPhrases, rng).replace("{month}", pick(months, rng))];
    default:
      return [topic(queues), maybeUrgent(0.3)];
  }
}

/** One ticket; at most one hidden rule is triggered. */
function writeTicket(rng: Rng): string {
  const greeting = pick(greetings, rng);
  const body = writeBody(rng);
  const signature = `${pick(closings, rng)} ${randomPerson(rng)}`;
  return [greeting, ...body, signature].filter((part) => part !== "").join(" ");
}

/** Support tickets → queue + urgency; five hidden routing rules (three common, two rare). */
export const ticketTriageTask: SimTask = {
  name: "ticket-triage",
  description:
    "customer support tickets, each routed to a queue (billing, technical or account) with an urgency flag",
  instruction,
  persona: "a support operations lead who has triaged thousands of tickets",
  inputs,
  outputs,
  intermediate: [],
  stages: [triageStage],
  rules: triageRules,
  keywords: ["ticket", "tickets", "queue", "urgent", "billing", "support"],
  generateExample(rng: Rng): SimValues {
    const ticket = writeTicket(rng);
    return { ticket, ...triageStage.label({ ticket }) };
  },
  score(example, prediction) {
    return scoreFields(example, prediction, ["queue", "urgent"]);
  },
};
