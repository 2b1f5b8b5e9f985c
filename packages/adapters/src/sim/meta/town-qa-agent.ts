import { normaliseText } from "../prompt/field-values.js";
import { textOf } from "../tasks/score-fields.js";
import { findTown } from "../tasks/town-qa/town-corpus.js";
import type { AgentPlan, SimAgentSkill } from "./agent-skill.js";

const nicknameLink = /^The (.+) is a nickname for (.+?)\.?$/;

/**
 * The town-qa agent: search (the first query is the search stage's own answer), stop once a
 * passage about the town is in hand, follow a "nickname for" passage to the official name, and
 * retry with the town as the question names it when a search missed or failed.
 */
export const townQaAgent: SimAgentSkill = {
  task: "town-qa",
  queryStage: "search",
  queryField: "search_query",
  readerStage: "answer",
  passagesField: "passages",
  plan(inputs, searches): AgentPlan {
    if (searches.length === 0) return { kind: "first" };
    const found = findTown(textOf(inputs.question));
    if (!found) return { kind: "finish", thought: "The question names no town I can look up." };
    const { town } = found;
    const passages = searches.flatMap((search) => search.passages);
    if (passages.some((passage) => passage.includes(`${town.name} is a town`))) {
      return { kind: "finish", thought: `The passage about ${town.name} answers the question.` };
    }
    const searched = new Set(
      searches.filter((search) => !search.failed).map((search) => normaliseText(search.query)),
    );
    const link = linkFor(passages, town.nickname);
    if (link && !searched.has(normaliseText(link))) {
      return {
        kind: "search",
        query: link,
        thought: `The ${town.nickname} is a nickname for ${link}; search for ${link} itself.`,
      };
    }
    const asNamed = found.byNickname ? town.nickname : town.name;
    if (!searched.has(normaliseText(asNamed))) {
      return {
        kind: "search",
        query: asNamed,
        thought: `Nothing about ${asNamed} yet; search for it directly.`,
      };
    }
    return { kind: "finish", thought: "The searches turned up nothing more to use." };
  },
};

/** The official name a "The X is a nickname for Y." passage gives for this nickname. */
function linkFor(passages: readonly string[], nickname: string): string | undefined {
  for (const passage of passages) {
    const match = nicknameLink.exec(passage.trim());
    if (match && normaliseText(match[1]) === normaliseText(nickname)) return match[2];
  }
  return undefined;
}
