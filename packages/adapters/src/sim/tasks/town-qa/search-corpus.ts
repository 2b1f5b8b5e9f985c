import { simCorpus } from "./town-corpus.js";

/** Options of `searchSimCorpus`. */
export interface SearchSimCorpusOptions {
  /** How many passages to return at most. @default 3 */
  readonly k?: number;
}

const stopwords = new Set(
  "a an and the of in on is was what which who when how many does did to for it its at by from with town".split(
    " ",
  ),
);

const tokenize = (text: string) =>
  (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((token) => !stopwords.has(token));

const documentFrequency = new Map<string, number>();
const passageTokens = simCorpus.map((passage) => new Set(tokenize(passage)));
for (const tokens of passageTokens) {
  for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
}

/**
 * Keyword search over the bundled town corpus: passages sharing a query term, ranked by summed
 * inverse document frequency (ties in corpus order). Passages sharing no term are never returned.
 */
export function searchSimCorpus(query: string, options: SearchSimCorpusOptions = {}): string[] {
  const terms = [...new Set(tokenize(query))];
  const scored = simCorpus
    .map((passage, index) => {
      const tokens = passageTokens[index]!;
      const score = terms.reduce(
        (sum, term) =>
          tokens.has(term) ? sum + Math.log(simCorpus.length / (documentFrequency.get(term) ?? 1)) : sum,
        0,
      );
      return { passage, index, score };
    })
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score || left.index - right.index);
  return scored.slice(0, options.k ?? 3).map((entry) => entry.passage);
}
