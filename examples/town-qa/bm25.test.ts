import { searchSimCorpus, simCorpus } from "@lathe/adapters";
import { loadJsonl } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { Bm25Index, tokenize } from "./bm25.js";

describe("Bm25Index", () => {
  const docs = ["the cat sat on the mat", "a dog sat", "cat cat cat", "nothing here"];
  const index = new Bm25Index(docs);

  it("ranks by term frequency with saturation and length normalisation, leaving out non-matches", () => {
    const hits = index.rank("cat", 10);
    expect(hits.map((hit) => hit.index)).toEqual([2, 0]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // Saturation: three occurrences score less than three times one occurrence in a same-length doc.
    const single = new Bm25Index(["cat dog eel", "cat cat cat"]).rank("cat", 2);
    expect(single[0]!.score).toBeLessThan(3 * single[1]!.score);
  });

  it("weights rare terms above common ones and breaks ties by corpus order", () => {
    expect(index.idf("dog")).toBeGreaterThan(index.idf("sat"));
    expect(new Bm25Index(["x y", "x y"]).rank("x", 2).map((hit) => hit.index)).toEqual([0, 1]);
    expect(index.search("zebra")).toEqual([]);
  });

  it("tokenises case-insensitively without stopwords or punctuation", () => {
    expect(tokenize("What is the River of Quarley?")).toEqual(["river", "quarley"]);
  });

  it("finds the passage for every gold search query, as the sim's own search does", async () => {
    const corpusIndex = new Bm25Index(simCorpus);
    const rows = await loadJsonl(new URL("./data/dev.jsonl", import.meta.url).pathname);
    for (const row of rows) {
      const query = String(row.search_query);
      const ours = corpusIndex.search(query, 3);
      expect(ours.some((passage) => passage.startsWith(`${query} is a town`))).toBe(true);
      expect(new Set(ours)).toEqual(new Set(searchSimCorpus(query, { k: 3 })));
    }
  });
});
