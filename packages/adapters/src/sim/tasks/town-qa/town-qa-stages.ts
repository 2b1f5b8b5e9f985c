import { pick } from "../../draw.js";
import type { SimField, SimStage, SimValues } from "../../sim-types.js";
import { textOf } from "../score-fields.js";
import { findTown, towns } from "./town-corpus.js";
import {
  answerRules,
  currentMayorRule,
  nicknameRule,
  noMayorRule,
  populationDigitsRule,
  searchRules,
  yearOnlyRule,
} from "./town-qa-rules.js";
import { attributeOf, vagueSearchTerms } from "./town-questions.js";

const question: SimField = { name: "question", type: "string", description: "a question about a town" };

function respondSearch(values: SimValues, knows: (ruleId: string) => boolean): SimValues {
  const text = textOf(values.question);
  const found = findTown(text);
  if (!found) {
    const words = text.replace(/[^\w\s]/g, " ").split(/\s+/);
    return { search_query: words.filter((word) => word.length > 3).join(" ") };
  }
  const useNickname = found.byNickname && !knows(nicknameRule.id);
  return { search_query: useNickname ? found.town.nickname : found.town.name };
}

/** Step 1: question → search query for `searchSimCorpus`. */
export const searchStage: SimStage = {
  name: "search",
  instruction: "Write a short search query that will find the passage answering the question.",
  inputs: [question],
  outputs: [{ name: "search_query", type: "string", description: "keywords for the town corpus search" }],
  rules: searchRules,
  errorScale: 0.3,
  respond: respondSearch,
  label: (values) => (typeof values.question === "string" ? respondSearch(values, () => true) : undefined),
  perturb: (_answer, values) => ({
    search_query: vagueSearchTerms[attributeOf(textOf(values.question)) ?? "province"],
  }),
  describe: (values) => `The question asks: "${textOf(values.question)}".`,
};

function respondAnswer(values: SimValues, knows: (ruleId: string) => boolean): SimValues {
  const text = textOf(values.question);
  const found = findTown(text);
  const attribute = attributeOf(text);
  if (!found || !attribute) return { answer: "unknown" };
  const town = found.town;
  const passages = Array.isArray(values.passages) ? values.passages.map(String).join("\n") : values.passages;
  // A real reader can only answer from what was retrieved; absent passages mean "assume retrieved".
  if (typeof passages === "string" && !passages.includes(`${town.name} is a town`))
    return { answer: "unknown" };
  switch (attribute) {
    case "province":
      return { answer: town.province };
    case "river":
      return { answer: town.river };
    case "founded":
      return { answer: knows(yearOnlyRule.id) ? String(town.founded) : `in ${town.founded}` };
    case "population":
      return {
        answer: knows(populationDigitsRule.id)
          ? String(town.population)
          : town.population.toLocaleString("en-US"),
      };
    case "mayor": {
      const mayor = town.mayor;
      if (mayor.kind === "council") return { answer: knows(noMayorRule.id) ? "none" : mayor.chair };
      if (mayor.kind === "former")
        return { answer: knows(currentMayorRule.id) ? mayor.current : mayor.former };
      return { answer: mayor.current };
    }
  }
}

/** Step 2: question + retrieved passages → short answer. */
export const answerStage: SimStage = {
  name: "answer",
  instruction: "Answer the question about a town using the retrieved passages; give a short answer.",
  inputs: [
    question,
    { name: "passages", type: "string[]", description: "passages retrieved for the question" },
  ],
  outputs: [{ name: "answer", type: "string", description: "a short answer" }],
  rules: answerRules,
  respond: respondAnswer,
  label: (values) =>
    typeof values.question === "string"
      ? respondAnswer({ question: values.question }, () => true)
      : undefined,
  perturb(answer, values, rng) {
    const other = pick(towns, rng);
    const text = textOf(answer.answer);
    if (/^\d+$/.test(text)) return { answer: String(Number(text) + pick([-10, 1, 10], rng)) };
    const attribute = attributeOf(textOf(values.question));
    if (attribute === "province") return { answer: other.province };
    if (attribute === "river") return { answer: other.river };
    return { answer: other.mayor.kind === "council" ? other.mayor.chair : other.mayor.current };
  },
  describe(values) {
    const count = Array.isArray(values.passages) ? values.passages.length : 0;
    return `The question asks: "${textOf(values.question)}", and ${count} passages were retrieved.`;
  },
};
