import type { SimRule, SimValues } from "../../sim-types.js";
import { textOf } from "../score-fields.js";
import { findTown } from "./town-corpus.js";
import { attributeOf } from "./town-questions.js";

const asked = (inputs: SimValues) => {
  const question = textOf(inputs.question);
  return { found: findTown(question), attribute: attributeOf(question) };
};

export const nicknameRule: SimRule = {
  id: "nickname",
  kind: "common",
  rate: 0.3,
  trigger: "the question names the town by its nickname (the Copper City)",
  correct: "search for the town's official name",
  wrongDefault: "search for the nickname",
  sentences: [
    "If the question refers to a town by its nickname (such as the Copper City), search for the town's official name instead.",
    "Replace a town's nickname with its real name in the search query.",
  ],
  keyTerms: [
    ["nickname", "alias", "epithet", "byname"],
    ["official name", "real name", "actual name", "proper name"],
  ],
  observation: "questions that use a town's nickname are expected to be searched by the town's official name",
  fields: ["search_query"],
  priors: { medium: 0.15 },
  applies: (inputs) => asked(inputs).found?.byNickname === true,
};

export const yearOnlyRule: SimRule = {
  id: "year-only",
  kind: "common",
  rate: 0.24,
  trigger: "the question asks when a town was founded",
  correct: "the four-digit year alone (1642)",
  wrongDefault: "a phrase (in 1642)",
  sentences: [
    "When asked when a town was founded, answer with the four-digit year only, without words like in.",
    "Founding questions take just the year as the answer, for example 1642.",
  ],
  keyTerms: [["year"], ["only", "just", "alone", "four-digit", "four digit", "bare"]],
  observation: "founding questions are expected to be answered with the year only",
  fields: ["answer"],
  priors: { medium: 0.75 },
  applies: (inputs) => asked(inputs).attribute === "founded",
};

export const currentMayorRule: SimRule = {
  id: "current-mayor",
  kind: "common",
  rate: 0.2,
  trigger: "a mayor question about a town whose passage names a former and a current mayor",
  correct: "the current mayor",
  wrongDefault: "the first-named (former) mayor",
  sentences: [
    "If a passage names a former mayor and a current one, answer with the current mayor, not the former one.",
    "Mayor questions ask who holds the office now: skip anyone described as the previous mayor.",
  ],
  keyTerms: [
    ["current", "currently", "present", "today", "now"],
    ["mayor"],
    ["former", "previous", "earlier", "until", "past"],
  ],
  observation: "mayor questions are expected to name the current mayor, not a former one",
  fields: ["answer"],
  applies: (inputs) => {
    const { found, attribute } = asked(inputs);
    return attribute === "mayor" && found?.town.mayor.kind === "former";
  },
};

export const populationDigitsRule: SimRule = {
  id: "population-digits",
  kind: "rare",
  rate: 0.07,
  trigger: "the question asks for a town's population",
  correct: "plain digits (12400)",
  wrongDefault: "the number with a thousands separator (12,400)",
  sentences: [
    "Give populations as plain digits without commas, for example 12400.",
    "For how many people live in a town, write the number with no thousands separators.",
  ],
  keyTerms: [
    ["population", "how many people", "inhabitant", "live in"],
    ["digit", "comma", "separator"],
  ],
  observation: "population answers are expected as plain digits without commas",
  fields: ["answer"],
  applies: (inputs) => asked(inputs).attribute === "population",
};

export const noMayorRule: SimRule = {
  id: "no-mayor",
  kind: "rare",
  rate: 0.07,
  trigger: "a mayor question about a town governed by a council",
  correct: "none",
  wrongDefault: "the council chair's name",
  sentences: [
    "If a town has no mayor and is run by a council, answer none rather than naming the council chair.",
    "Towns governed by a council have no mayor: the answer is none.",
  ],
  keyTerms: [["no mayor", "without a mayor", "council"], ["none"]],
  observation: "towns run by a council are expected to get the answer none for mayor questions",
  fields: ["answer"],
  applies: (inputs) => {
    const { found, attribute } = asked(inputs);
    return attribute === "mayor" && found?.town.mayor.kind === "council";
  },
};

export const searchRules: readonly SimRule[] = [nicknameRule];
export const answerRules: readonly SimRule[] = [
  yearOnlyRule,
  currentMayorRule,
  populationDigitsRule,
  noMayorRule,
];
