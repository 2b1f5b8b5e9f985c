import { LatheError } from "../errors/lathe-error.js";

const NAME = "LatheDatasetError";

/** A dataset row or file is unusable. `line` is 1-based when known. */
export class DatasetError extends LatheError {
  readonly source: string;
  readonly line: number | undefined;

  constructor(source: string, line: number | undefined, problem: string) {
    super(NAME, `${source}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.source = source;
    this.line = line;
  }

  static override isInstance(error: unknown): error is DatasetError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
