import { type Module, OutputParseError } from "@lathe/core";
import type { OptimizerContext } from "../shared/optimizer.js";
import { type DatasetSummary, summarizeDataset } from "./dataset-summary.js";
import type { ResolvedMiproOptions } from "./mipro-options.js";
import { programSourceSnippet } from "./program-source.js";
import { type ProgramSummary, summarizeProgram } from "./program-summary.js";

/** What the proposer is grounded in, beyond the module itself. */
export interface ProposerGroundingData {
  readonly datasetSummary: DatasetSummary | undefined;
  readonly programSummary: ProgramSummary | undefined;
  /** Grounding steps skipped because a teacher reply could not be parsed. */
  readonly notes: readonly string[];
}

type GroundingOptions = Pick<
  ResolvedMiproOptions,
  "dataAware" | "programAware" | "programSource" | "programCode"
>;

/** Reads the program's source, so that a wrong `programSource` fails before any LM call. */
export function readProgramSource(program: Module, options: GroundingOptions): Promise<string | undefined> {
  if (!options.programAware) return Promise.resolve(undefined);
  return programSourceSnippet(
    {
      ...(options.programSource === undefined ? {} : { path: options.programSource }),
      ...(options.programCode === undefined ? {} : { code: options.programCode }),
    },
    program.constructor.name,
  );
}

/** The enabled grounding steps (dataset summary, program summary), run concurrently. */
export async function gatherGrounding(
  program: Module,
  context: OptimizerContext,
  options: GroundingOptions,
  source: string | undefined,
): Promise<ProposerGroundingData> {
  const [dataset, described] = await Promise.all([
    options.dataAware ? attempt("dataset summary", () => summarizeDataset(program, context)) : skipped,
    options.programAware
      ? attempt("program summary", () => summarizeProgram(program, source, context))
      : skipped,
  ]);
  return {
    datasetSummary: dataset.value,
    programSummary: described.value,
    notes: [dataset.note, described.note].filter((note): note is string => note !== undefined),
  };
}

interface Outcome<T> {
  readonly value?: T;
  readonly note?: string;
}

const skipped: Outcome<never> = {};

/** Runs a grounding step; a teacher reply that cannot be parsed skips it with a note. */
async function attempt<T>(name: string, step: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await step() };
  } catch (error) {
    if (!OutputParseError.isInstance(error)) throw error;
    return { note: `${name} skipped: ${error.message}` };
  }
}
