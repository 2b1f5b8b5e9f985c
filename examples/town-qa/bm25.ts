/** Options of `Bm25Index`: the usual Okapi BM25 constants. */
export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  readonly k1?: number;
  /** Length normalisation, 0 (none) to 1 (full). @default 0.75 */
  readonly b?: number;
  /** Words ignored in documents and queries. @default a short English stopword list */
  readonly stopwords?: ReadonlySet<string>;
}

/** A ranked document: its position in the corpus, its text and its BM25 score. */
export interface Bm25Hit {
  readonly index: number;
  readonly text: string;
  readonly score: number;
}

const englishStopwords = new Set(
  "a an and are as at be by does did for from has have how in is it its of on or that the their this to was what when where which who with".split(
    " ",
  ),
);

/** Lower-cased alphanumeric tokens without stopwords. */
export function tokenize(text: string, stopwords: ReadonlySet<string> = englishStopwords): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((token) => !stopwords.has(token));
}

/**
 * A small in-memory Okapi BM25 index. Built once over a corpus; `search` ranks the passages that
 * share at least one query term, best first, ties broken by corpus order (so results are stable).
 */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly stopwords: ReadonlySet<string> | undefined;
  private readonly termCounts: ReadonlyArray<ReadonlyMap<string, number>>;
  private readonly lengths: readonly number[];
  private readonly averageLength: number;
  private readonly documentFrequency = new Map<string, number>();

  constructor(
    readonly corpus: readonly string[],
    options: Bm25Options = {},
  ) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.stopwords = options.stopwords;
    const tokenized = corpus.map((text) => tokenize(text, this.stopwords));
    this.termCounts = tokenized.map((tokens) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      return counts;
    });
    for (const counts of this.termCounts) {
      for (const term of counts.keys()) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    this.lengths = tokenized.map((tokens) => tokens.length);
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = corpus.length === 0 ? 0 : total / corpus.length;
  }

  /** Inverse document frequency with the usual +1 that keeps it positive. */
  idf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.corpus.length - frequency + 0.5) / (frequency + 0.5));
  }

  /** The `k` best passages for `query` with their scores; passages sharing no term are left out. */
  rank(query: string, k = 3): Bm25Hit[] {
    const terms = [...new Set(tokenize(query, this.stopwords))];
    const hits: Bm25Hit[] = [];
    this.termCounts.forEach((counts, index) => {
      let score = 0;
      const norm = this.k1 * (1 - this.b + (this.b * this.lengths[index]!) / (this.averageLength || 1));
      for (const term of terms) {
        const frequency = counts.get(term);
        if (frequency === undefined) continue;
        score += (this.idf(term) * frequency * (this.k1 + 1)) / (frequency + norm);
      }
      if (score > 0) hits.push({ index, text: this.corpus[index]!, score });
    });
    hits.sort((left, right) => right.score - left.score || left.index - right.index);
    return hits.slice(0, k);
  }

  /** The texts of the `k` best passages for `query`. */
  search(query: string, k = 3): string[] {
    return this.rank(query, k).map((hit) => hit.text);
  }
}
