import { type Field, fieldDescription, type Module, type Predictor, signature } from "@lathe/core";
import { z } from "zod";
import { askTeacher } from "../shared/ask-teacher.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import { programFieldNames, renderExamples } from "./render-examples.js";

export const DescribeProgram = signature(
  "Below is the code of a program that calls language models to solve a task, and an example of its inputs " +
    "and outputs. Describe in a few sentences what task the program solves and how it goes about it, step by step.",
)
  .input("program_code", z.string().describe("the program's structure and source code"))
  .input("program_example", z.string().describe("an example of the program's inputs and outputs"))
  .output("program_description", z.string().describe("what the program does, step by step"));

export const DescribeModule = signature(
  "Below is the code of a program that calls language models, a description of the program, and one of its " +
    "modules (a single language-model call). Describe the role this module plays in the program.",
)
  .input("program_code", z.string().describe("the program's structure and source code"))
  .input("program_description", z.string().describe("what the program does"))
  .input("module", z.string().describe("the module: its name, input and output fields"))
  .output("module_description", z.string().describe("the module's role in the program"));

export interface ProgramSummary {
  /** The structure (and source, when given) the teacher was shown. */
  readonly programCode: string;
  readonly programDescription: string;
  /** Per predictor path. */
  readonly moduleDescriptions: Readonly<Record<string, string>>;
}

/** A predictor as one line per field: its path, inputs and outputs, with types and descriptions. */
export function moduleText(path: string, predictor: Predictor): string {
  const fields = (list: readonly Field[]) =>
    list
      .map((field) => {
        const description = fieldDescription(field);
        return `  - ${field.name}${description ? `: ${description}` : ""}`;
      })
      .join("\n");
  return [
    `Module \`${path}\``,
    "Input fields:",
    fields(predictor.signature.inputFields),
    "Output fields:",
    fields(predictor.signature.outputFields),
  ].join("\n");
}

/** The program as its predictors show it, then its source excerpt when there is one. */
export function programCodeText(program: Module, source: string | undefined): string {
  const predictors = program.namedPredictors();
  const structure = [
    `Program \`${program.constructor.name}\` with ${predictors.length} language-model call(s):`,
    ...predictors.map(([path, predictor]) => {
      const inputs = predictor.signature.inputFields.map((field) => field.name).join(", ");
      const outputs = predictor.signature.outputFields.map((field) => field.name).join(", ");
      return `- ${path}: ${inputs} -> ${outputs}`;
    }),
  ].join("\n");
  return source ? `${structure}\n\nSource:\n${source}` : structure;
}

/** Teacher calls `summarizeProgram` makes. */
export function programSummaryCalls(predictors: number): number {
  return 1 + predictors;
}

/**
 * DSPy's program summary: the teacher describes the whole program from its code and an
 * example, then (concurrently) the role of each predictor in it.
 */
export async function summarizeProgram(
  program: Module,
  source: string | undefined,
  context: OptimizerContext,
): Promise<ProgramSummary> {
  const programCode = programCodeText(program, source);
  const example = context.trainset[0];
  const { program_description } = await askTeacher(
    DescribeProgram,
    {
      program_code: programCode,
      program_example: example ? renderExamples([example], programFieldNames(program)) : "(none)",
    },
    context,
  );
  const predictors = program.namedPredictors();
  const descriptions = await Promise.all(
    predictors.map(([path, predictor]) =>
      askTeacher(
        DescribeModule,
        { program_code: programCode, program_description, module: moduleText(path, predictor) },
        context,
      ),
    ),
  );
  return {
    programCode,
    programDescription: program_description.trim(),
    moduleDescriptions: Object.fromEntries(
      predictors.map(([path], index) => [path, descriptions[index]!.module_description.trim()]),
    ),
  };
}
