import { LatheError } from "../errors/lathe-error.js";

/** Inputs given to a predictor do not match its signature. */
export class InvalidInputError extends LatheError {
  constructor(
    readonly path: string,
    readonly field: string,
    problem: string,
  ) {
    super("LatheInvalidInputError", `input field '${field}' of predictor '${path}' ${problem}`);
  }

  static override isInstance(error: unknown): error is InvalidInputError {
    return LatheError.isInstance(error) && error.name === "LatheInvalidInputError";
  }
}

/** A program state names predictors or holds values the program does not have. */
export class ProgramStateError extends LatheError {
  constructor(message: string) {
    super("LatheProgramStateError", message);
  }

  static override isInstance(error: unknown): error is ProgramStateError {
    return LatheError.isInstance(error) && error.name === "LatheProgramStateError";
  }
}

/** A predictor ran with no language model configured. */
export class NoLanguageModelError extends LatheError {
  constructor(path: string) {
    super(
      "LatheNoLanguageModelError",
      `predictor '${path}' has no language model: wrap the call in withSettings({ lm }, ...) or pass { lm } to call()`,
    );
  }

  static override isInstance(error: unknown): error is NoLanguageModelError {
    return LatheError.isInstance(error) && error.name === "LatheNoLanguageModelError";
  }
}
