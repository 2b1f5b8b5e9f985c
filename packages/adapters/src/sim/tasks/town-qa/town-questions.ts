import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import { type Town, towns } from "./town-corpus.js";

export type Attribute = "province" | "river" | "founded" | "population" | "mayor";

const templates: Readonly<Record<Attribute, readonly string[]>> = {
  province: [
    "In which province is {T}?",
    "Which province is {T} in?",
    "What province does {T} belong to?",
    "Name the province of {T}.",
  ],
  river: [
    "Which river flows through {T}?",
    "On which river does {T} lie?",
    "What river runs through {T}?",
    "Name the river of {T}.",
  ],
  founded: [
    "When was {T} founded?",
    "In what year was {T} founded?",
    "What year was {T} founded in?",
    "When exactly was {T} founded?",
  ],
  population: [
    "How many people live in {T}?",
    "What is the population of {T}?",
    "What population does {T} have?",
    "How many people live in {T} today?",
  ],
  mayor: [
    "Who is the mayor of {T}?",
    "Who is mayor of {T}?",
    "Name the mayor of {T}.",
    "Who runs {T} as mayor?",
  ],
};

/** What a question asks about, read from its wording. */
export function attributeOf(question: string): Attribute | undefined {
  if (/\bprovince\b/i.test(question)) return "province";
  if (/\briver\b/i.test(question)) return "river";
  if (/\bfounded\b/i.test(question)) return "founded";
  if (/\b(how many people|population)\b/i.test(question)) return "population";
  if (/\bmayor\b/i.test(question)) return "mayor";
  return undefined;
}

/** A search term for an attribute that no passage contains: a careless query finds nothing. */
export const vagueSearchTerms: Readonly<Record<Attribute, string>> = {
  province: "provincial records",
  river: "waterways",
  founded: "founding history",
  population: "census figures",
  mayor: "mayoral office",
};

/** A question of the given kind about a town; `byNickname` refers to it as "the Copper City". */
export function writeQuestion(rng: Rng, attribute: Attribute, town: Town, byNickname: boolean): string {
  const reference = byNickname ? `the ${town.nickname}` : town.name;
  return pick(templates[attribute], rng).replace("{T}", reference);
}

/** Towns by mayor arrangement, for drawing questions that trigger a given rule. */
export const townsByMayor = {
  former: towns.filter((town) => town.mayor.kind === "former"),
  sole: towns.filter((town) => town.mayor.kind === "sole"),
  council: towns.filter((town) => town.mayor.kind === "council"),
} as const;
