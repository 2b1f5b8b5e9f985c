import { createRng, type Module, shuffled, signature } from "@lathe/core";
import { z } from "zod";
import { askTeacher } from "../shared/ask-teacher.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { programFieldNames, renderExamples } from "./render-examples.js";

/** Training examples shown per observation call. */
export const OBSERVATION_BATCH_SIZE = 10;
/** Observation calls at most; each sees a new batch and the observations so far. */
export const MAX_OBSERVATION_BATCHES = 5;
const NOTHING_TO_ADD = "COMPLETE";

export const DescribeDataset = signature(
  "Given several examples from a dataset, write observations about trends that hold for most or all of them: " +
    "topics, content, format, and above all how the outputs follow from the inputs, including the unusual cases " +
    "and the rules a correct answer obeys. It helps to make an educated guess about the task the dataset is for.",
)
  .input("examples", z.string().describe("a batch of examples from the dataset"))
  .output("observations", z.string().describe("observations about the dataset"));

export const DescribeDatasetWithPriorObservations = signature(
  "Given several examples from a dataset and observations already made about other examples, write new " +
    "observations about trends, especially how the outputs follow from the inputs and unusual cases the prior " +
    `observations miss. Do not repeat the prior observations; if you have nothing to add, write ${NOTHING_TO_ADD}.`,
)
  .input("examples", z.string().describe("a batch of examples from the dataset"))
  .input("prior_observations", z.string().describe("observations made about earlier batches"))
  .output("observations", z.string().describe(`new observations, or ${NOTHING_TO_ADD}`));

export const SummarizeObservations = signature(
  "Given a series of observations about a dataset, summarize them in a short paragraph that keeps the most " +
    "important details, in particular every rule about how the outputs follow from the inputs.",
)
  .input("observations", z.string().describe("observations about the dataset"))
  .output("summary", z.string().describe("a short summary of the dataset"));

export interface DatasetSummary {
  /** Observations per batch, in order (batches with nothing to add are left out). */
  readonly observations: readonly string[];
  readonly summary: string;
  /** Teacher calls made (or replayed from the cache). */
  readonly calls: number;
}

/** How many teacher calls `summarizeDataset` makes for a training set of `size` examples. */
export function datasetSummaryCalls(size: number): number {
  return Math.min(Math.ceil(size / OBSERVATION_BATCH_SIZE), MAX_OBSERVATION_BATCHES) + 1;
}

/**
 * DSPy's dataset summary: the teacher writes observations over batches of (seeded, shuffled)
 * training examples, each batch seeing the observations so far, then summarises them.
 * Sequential by nature: each call depends on the previous one.
 */
export async function summarizeDataset(program: Module, context: OptimizerContext): Promise<DatasetSummary> {
  const fields = programFieldNames(program);
  const rows = shuffled(context.trainset, createRng(context.seed).fork("mipro:dataset-summary"));
  const batches = datasetSummaryCalls(rows.length) - 1;
  const observations: string[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const start = batch * OBSERVATION_BATCH_SIZE;
    const examples = renderExamples(rows.slice(start, start + OBSERVATION_BATCH_SIZE), fields);
    const reply =
      observations.length === 0
        ? await askTeacher(DescribeDataset, { examples }, context)
        : await askTeacher(
            DescribeDatasetWithPriorObservations,
            { examples, prior_observations: observations.join("\n\n") },
            context,
          );
    const text = reply.observations.trim();
    if (text !== "" && !text.toUpperCase().startsWith(NOTHING_TO_ADD)) observations.push(text);
  }
  const { summary } = await askTeacher(
    SummarizeObservations,
    { observations: observations.join("\n\n") || "(no observations)" },
    context,
  );
  return { observations, summary: summary.trim(), calls: batches + 1 };
}
