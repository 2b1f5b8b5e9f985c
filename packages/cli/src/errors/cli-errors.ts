import { type EvaluationError, LatheError } from "@lathe/core";

const USAGE = "LatheUsageError";
const PROGRAM = "LatheProgramLoadError";
const METRIC = "LatheMetricError";
const EVALUATION = "LatheEvaluationStoppedError";

/** A flag or argument is missing, malformed or contradicts another. Exit code 2. */
export class UsageError extends LatheError {
  constructor(message: string) {
    super(USAGE, message);
  }

  static override isInstance(error: unknown): error is UsageError {
    return LatheError.isInstance(error) && error.name === USAGE;
  }
}

/** A program or metric file cannot be found, loaded, or has no usable export. */
export class ProgramLoadError extends LatheError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(PROGRAM, message, options);
  }

  static override isInstance(error: unknown): error is ProgramLoadError {
    return LatheError.isInstance(error) && error.name === PROGRAM;
  }
}

/** A `--metric` names no built-in metric and no usable export. */
export class MetricError extends LatheError {
  constructor(message: string) {
    super(METRIC, message);
  }

  static override isInstance(error: unknown): error is MetricError {
    return LatheError.isInstance(error) && error.name === METRIC;
  }
}

/** `lathe eval` stopped at `--max-errors`: the evaluation's own message, plus what to do. */
export class EvaluationStoppedError extends LatheError {
  constructor(error: EvaluationError) {
    super(
      EVALUATION,
      `${error.message}; fix that cause (the model, its URL or key, or the program), or pass --max-errors <n> to score past failures`,
      { cause: error },
    );
  }

  static override isInstance(error: unknown): error is EvaluationStoppedError {
    return LatheError.isInstance(error) && error.name === EVALUATION;
  }
}
