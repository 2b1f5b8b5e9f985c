import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import type { SimTask, SimValues } from "../../sim-types.js";
import { chooseCategory } from "../choose-category.js";
import { scoreFields } from "../score-fields.js";
import { type Town, towns } from "./town-corpus.js";
import {
  currentMayorRule,
  nicknameRule,
  noMayorRule,
  populationDigitsRule,
  yearOnlyRule,
} from "./town-qa-rules.js";
import { answerStage, searchStage } from "./town-qa-stages.js";
import { type Attribute, townsByMayor, writeQuestion } from "./town-questions.js";

/** Question kinds with their share of examples, the attribute asked and the towns asked about. */
const questionKinds: readonly { id: string; share: number; attribute: Attribute; pool: readonly Town[] }[] = [
  { id: yearOnlyRule.id, share: yearOnlyRule.rate, attribute: "founded", pool: towns },
  { id: currentMayorRule.id, share: currentMayorRule.rate, attribute: "mayor", pool: townsByMayor.former },
  { id: noMayorRule.id, share: noMayorRule.rate, attribute: "mayor", pool: townsByMayor.council },
  { id: populationDigitsRule.id, share: populationDigitsRule.rate, attribute: "population", pool: towns },
  { id: "sole-mayor", share: 0.06, attribute: "mayor", pool: townsByMayor.sole },
  { id: "province", share: 0.18, attribute: "province", pool: towns },
  { id: "river", share: 0.18, attribute: "river", pool: towns },
];

/** One question; it may trigger the search rule and at most one answer rule. */
function writeTownQuestion(rng: Rng): string {
  const byNickname = rng.next() < nicknameRule.rate;
  const id = chooseCategory(
    rng,
    questionKinds.map((kind) => [kind.id, kind.share] as const),
    "river",
  );
  const kind = questionKinds.find((entry) => entry.id === id) ?? questionKinds.at(-1)!;
  return writeQuestion(rng, kind.attribute, pick(kind.pool, rng), byNickname);
}

/**
 * Questions about invented towns, answered by a two-step program: write a search query, search
 * the bundled corpus (`searchSimCorpus`), answer from the passages. Rows carry the gold
 * `search_query` too. One hidden rule in the search step, four in the answer step.
 */
export const townQaTask: SimTask = {
  name: "town-qa",
  description: "questions about small towns answered from a searchable corpus of town passages",
  instruction: `${searchStage.instruction} Then ${answerStage.instruction.charAt(0).toLowerCase()}${answerStage.instruction.slice(1)}`,
  persona: "a research librarian who knows the town archives",
  inputs: [searchStage.inputs[0]!],
  outputs: answerStage.outputs,
  intermediate: searchStage.outputs,
  stages: [searchStage, answerStage],
  rules: [...searchStage.rules, ...answerStage.rules],
  keywords: ["town", "towns", "province", "mayor", "passages", "search_query", "river", "founded", "corpus"],
  generateExample(rng: Rng): SimValues {
    const question = writeTownQuestion(rng);
    return { question, ...searchStage.label({ question }), ...answerStage.label({ question }) };
  },
  score(example, prediction) {
    return scoreFields(example, prediction, ["answer"]);
  },
};
