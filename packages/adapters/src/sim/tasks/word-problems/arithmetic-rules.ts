import type { SimRule, SimValues } from "../../sim-types.js";
import { textOf } from "../score-fields.js";

const problemMatches = (pattern: RegExp) => (inputs: SimValues) => pattern.test(textOf(inputs.problem));

export const remainingRule: SimRule = {
  id: "remaining",
  kind: "common",
  rate: 0.28,
  trigger: "the question asks how many are left after some were given away, lost, used or sold",
  correct: "start minus removed",
  wrongDefault: "adds the two numbers",
  sentences: [
    "When a problem asks how many are left, subtract what was given away, lost, used or sold from the starting amount instead of adding.",
    "For how many remain questions, take away the amount that was removed: start minus removed.",
  ],
  keyTerms: [
    ["left", "remain", "remaining"],
    ["subtract", "minus", "take away", "difference"],
  ],
  observation: "questions about how many are left are expected to subtract the amount given away",
  fields: ["answer"],
  priors: { medium: 0.8 },
  applies: problemMatches(/\b(left|remain|remaining)\b/i),
};

export const percentOffRule: SimRule = {
  id: "percent-off",
  kind: "common",
  rate: 0.24,
  trigger: "an item is on sale for a percentage off",
  correct: "the sale price (price minus the discount)",
  wrongDefault: "the discount amount",
  sentences: [
    "For a percentage discount, the answer is the sale price after the discount (price minus the percentage), not the discount itself.",
    "With X% off, give the final price the customer pays: subtract the discount from the original price.",
  ],
  keyTerms: [
    ["% off", "percent off", "discount", "sale"],
    ["sale price", "final price", "price after", "after the discount", "customer pays", "not the discount"],
  ],
  observation:
    "percent off questions are expected to give the sale price after the discount, not the discount amount",
  fields: ["answer"],
  applies: problemMatches(/\d+% off\b/i),
};

export const roundUpRule: SimRule = {
  id: "round-up",
  kind: "common",
  rate: 0.2,
  trigger: "the question asks how many buses, vans, tables or boats are needed",
  correct: "divide and round up",
  wrongDefault: "divide and round down",
  sentences: [
    "When asked how many buses, vans, tables or other containers are needed, round up to the next whole number because a partly full one still counts.",
    "Containers needed must be rounded up: 52 people in buses of 12 need 5 buses.",
  ],
  keyTerms: [
    ["round up", "rounded up", "ceiling", "next whole number"],
    ["needed", "how many", "bus", "container", "table", "van", "boat"],
  ],
  observation:
    "questions about how many containers are needed are expected to be rounded up to a whole number",
  fields: ["answer"],
  priors: { medium: 0.1 },
  applies: problemMatches(/\beach \w+ holds \d+/i),
};

export const centsRule: SimRule = {
  id: "cents",
  kind: "rare",
  rate: 0.07,
  trigger: "the question asks for the answer in cents",
  correct: "dollars times 100",
  wrongDefault: "the amount in dollars",
  sentences: [
    "If the question asks for the answer in cents, convert the dollar amount to cents by multiplying by 100.",
    "Answers requested in cents must be whole cents (dollars times 100): $3.65 is 365 cents.",
  ],
  keyTerms: [
    ["cents", "cent"],
    ["multiply by 100", "multiplying by 100", "times 100", "convert", "100"],
  ],
  observation: "questions asking for cents are expected to convert dollars to cents (times 100)",
  fields: ["answer"],
  applies: problemMatches(/\bin cents\b/i),
};

export const dozenRule: SimRule = {
  id: "dozen",
  kind: "rare",
  rate: 0.07,
  trigger: "a quantity is given in dozens",
  correct: "count each dozen as 12 items",
  wrongDefault: "count each dozen as one item",
  sentences: [
    "A dozen means 12 items, so convert dozens to single items before adding.",
    "Count every dozen as twelve units.",
  ],
  keyTerms: [["dozen"], ["12", "twelve"]],
  observation: "quantities given in dozens are expected to count as 12 items each",
  fields: ["answer"],
  applies: problemMatches(/\d+ dozen\b/i),
};

export const arithmeticRules: readonly SimRule[] = [
  remainingRule,
  percentOffRule,
  roundUpRule,
  centsRule,
  dozenRule,
];
