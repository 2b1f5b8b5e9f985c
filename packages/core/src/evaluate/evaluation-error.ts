import { LatheError } from "../errors/lathe-error.js";
import type { ExampleResult } from "./evaluate.js";

const NAME = "LatheEvaluationError";

/** An evaluation stopped because more examples failed than `maxErrors` allows. */
export class EvaluationError extends LatheError {
  /** Results of the examples that ran, in dataset order. */
  readonly partialResults: readonly ExampleResult[];
  readonly errors: number;

  constructor(
    errors: number,
    maxErrors: number,
    firstError: string,
    partialResults: readonly ExampleResult[],
  ) {
    super(
      NAME,
      `evaluation stopped after ${errors} failed examples (maxErrors is ${maxErrors}); first error: ${firstError}`,
    );
    this.errors = errors;
    this.partialResults = partialResults;
  }

  static override isInstance(error: unknown): error is EvaluationError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
