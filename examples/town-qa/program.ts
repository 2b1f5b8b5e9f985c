import { simCorpus, simTasks } from "@lathe/adapters";
import { type Example, type MetricResult, Module, Predict, signature } from "@lathe/core";
import { z } from "zod";
import { Bm25Index } from "./bm25.js";

/** Step 1: turn the question into a search query. */
export const WriteSearchQuery = signature(
  "Write a short search query that will find the passage answering the question.",
)
  .input("question", z.string().describe("a question about a town"))
  .output("search_query", z.string().describe("keywords for the town corpus search"));

/** Step 2: answer from what was retrieved. */
export const AnswerFromPassages = signature(
  "Answer the question about a town using the retrieved passages; give a short answer.",
)
  .input("question", z.string().describe("a question about a town"))
  .input("passages", z.array(z.string()).describe("passages retrieved for the question"))
  .output("answer", z.string().describe("a short answer"));

// A type alias, not an interface: compile() takes modules whose outputs are plain records.
export type TownAnswer = {
  readonly search_query: string;
  readonly passages: readonly string[];
  readonly answer: string;
};

/**
 * Question → search query → BM25 retrieval over the bundled town corpus → answer. Two
 * predictors (`search`, `answer`) compiled together against one end-to-end metric.
 */
export class TownQA extends Module<{ question: string }, TownAnswer> {
  readonly search = new Predict(WriteSearchQuery);
  readonly answer = new Predict(AnswerFromPassages);

  constructor(
    private readonly retriever: Bm25Index = new Bm25Index(simCorpus),
    private readonly k = 3,
  ) {
    super();
  }

  override get inputFields(): readonly string[] {
    return ["question"];
  }

  override async forward({ question }: { question: string }): Promise<TownAnswer> {
    const { search_query } = await this.search.call({ question });
    const passages = this.retriever.search(search_query, this.k);
    const { answer } = await this.answer.call({ question, passages });
    return { search_query, passages, answer };
  }
}

export const townQA = new TownQA();

/** The final answer is right (exact after trimming and case-folding), with feedback. */
export function answerCorrect(example: Example, prediction: { answer?: unknown }): MetricResult {
  return simTasks["town-qa"].score(example, prediction);
}
