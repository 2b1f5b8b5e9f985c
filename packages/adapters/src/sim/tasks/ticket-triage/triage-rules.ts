import type { SimRule, SimValues } from "../../sim-types.js";
import { textOf } from "../score-fields.js";

const ticketMatches = (pattern: RegExp) => (inputs: SimValues) => pattern.test(textOf(inputs.ticket));

export const refundRule: SimRule = {
  id: "refund",
  kind: "common",
  rate: 0.25,
  trigger: "the ticket asks for a refund or money back",
  correct: "queue billing",
  wrongDefault: "the queue of the product problem the ticket describes (technical or account)",
  sentences: [
    "Any ticket that asks for a refund or money back goes to the billing queue, whatever product problem it describes.",
    "Refund requests belong in billing, even when the ticket is about a technical or account problem.",
  ],
  keyTerms: [["refund", "refunds", "money back", "reimburse", "reimbursement"], ["billing"]],
  observation: "tickets that ask for a refund are expected in the billing queue",
  fields: ["queue"],
  priors: { medium: 0.85 },
  applies: ticketMatches(/\b(refund|money back)\b/i),
};

export const outageRule: SimRule = {
  id: "outage",
  kind: "common",
  rate: 0.22,
  trigger: "the problem hits a whole team, office or all of the customer's users",
  correct: "urgent true",
  wrongDefault: "urgent false (the customer never says urgent)",
  sentences: [
    "An outage that affects a whole team or many users (nobody can work) is urgent even if the customer never says so.",
    "Mark a ticket urgent whenever the problem hits everyone in the customer's team or office, even without the word urgent.",
  ],
  keyTerms: [
    [
      "outage",
      "outages",
      "everyone",
      "whole team",
      "whole office",
      "many users",
      "all users",
      "nobody",
      "entire team",
    ],
    ["urgent"],
  ],
  observation: "outages that hit a whole team or many users are expected to be urgent",
  fields: ["urgent"],
  applies: ticketMatches(/\b(nobody on our|whole office|whole team|all of our users|everyone in our)\b/i),
};

export const securityRule: SimRule = {
  id: "security",
  kind: "common",
  rate: 0.18,
  trigger: "a login, password change or device the customer did not make (possible hack)",
  correct: "queue account and urgent true",
  wrongDefault: "queue technical and urgent false",
  sentences: [
    "Suspicious logins, unauthorized changes or a possibly hacked account go to the account queue and are always urgent.",
    "Treat any sign of a compromised account (a login or password change the customer did not make) as an urgent account ticket.",
  ],
  keyTerms: [
    ["hacked", "hack", "unauthorized", "unauthorised", "suspicious", "compromised", "security"],
    ["account"],
    ["urgent"],
  ],
  observation:
    "possible security problems such as suspicious logins or hacked accounts are expected in the account queue and marked urgent",
  fields: ["queue", "urgent"],
  priors: { medium: 0.08 },
  applies: ticketMatches(/(wasn't me|without my permission|\bhacked\b|\bsuspicious\b)/i),
};

export const legalRule: SimRule = {
  id: "legal",
  kind: "rare",
  rate: 0.07,
  trigger: "the ticket mentions a lawyer, legal action, GDPR or data protection",
  correct: "urgent true",
  wrongDefault: "urgent false",
  sentences: [
    "Any ticket that mentions a lawyer, legal action or a GDPR or data protection request is urgent.",
    "Legal threats and data protection (GDPR) requests must always be flagged urgent.",
  ],
  keyTerms: [["lawyer", "lawyers", "legal", "lawsuit", "gdpr", "data protection", "attorney"], ["urgent"]],
  observation: "tickets that mention a lawyer, legal action or GDPR are expected to be urgent",
  fields: ["urgent"],
  applies: ticketMatches(/\b(lawyer|legal action|GDPR|data protection)\b/i),
};

export const invoiceCopyRule: SimRule = {
  id: "invoice-copy",
  kind: "rare",
  rate: 0.07,
  trigger: "the ticket only asks for a copy of an invoice or receipt",
  correct: "urgent false, even when the ticket says urgent or ASAP",
  wrongDefault: "urgent true (taken from the word urgent/ASAP)",
  sentences: [
    "Requests for a copy of an invoice or receipt are never urgent, even when the customer writes urgent or ASAP.",
    "A request to resend an invoice or receipt is not urgent, whatever words the customer uses.",
  ],
  keyTerms: [
    ["copy", "copies", "duplicate", "resend", "re-send"],
    ["invoice", "invoices", "receipt", "receipts"],
    [
      "never urgent",
      "not urgent",
      "non-urgent",
      "isn't urgent",
      "aren't urgent",
      "are not urgent",
      "is not urgent",
    ],
  ],
  observation:
    "requests for a copy of an invoice or receipt are expected to be not urgent even when they say urgent",
  fields: ["urgent"],
  applies: ticketMatches(/\b(copy|resend|duplicate)\b.{0,30}\b(invoice|receipt)/i),
};

export const triageRules: readonly SimRule[] = [
  refundRule,
  outageRule,
  securityRule,
  legalRule,
  invoiceCopyRule,
];
