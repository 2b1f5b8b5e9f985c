import { simCorpus, simTasks } from "@lathe/adapters";
import { type Example, type MetricResult, ReAct, signature, tool } from "@lathe/core";
import { z } from "zod";
import { Bm25Index } from "../town-qa/bm25.js";

/** The task the agent works on: a question about a town in, a short answer out. */
export const AnswerTownQuestion = signature(
  "Answer the question about a town using what your searches find; give a short answer.",
)
  .input("question", z.string().describe("a question about a town"))
  .output("answer", z.string().describe("a short answer"));

const archive = new Bm25Index(simCorpus);

/** The agent's one tool: BM25 keyword search over the bundled town archive. */
export const searchArchive = tool({
  name: "search",
  description: "Keyword search over the town archive; returns the best matching passages.",
  parameters: z.object({
    query: z.string().min(1).describe("keywords, such as a town's name"),
    k: z.number().int().min(1).max(5).default(3).describe("how many passages to return"),
  }),
  // `query` is typed string and `k` number, both read from the zod schema.
  execute: ({ query, k }) => archive.search(query, k),
});

/**
 * A ReAct agent: up to four turns of thought → tool → arguments → observation (predictor
 * `react`), then a ChainOfThought reads the trajectory and writes the answer (`extract.predict`).
 */
export const agent = new ReAct(AnswerTownQuestion, { tools: [searchArchive], maxSteps: 4 });

/** The final answer is right (exact after trimming and case-folding), with feedback. */
export function answerCorrect(example: Example, prediction: { answer?: unknown }): MetricResult {
  return simTasks["town-qa"].score(example, prediction);
}
