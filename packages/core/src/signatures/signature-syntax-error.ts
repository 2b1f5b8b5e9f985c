import { LatheError } from "../errors/lathe-error.js";

const NAME = "LatheSignatureSyntaxError";

/** A signature shorthand string could not be parsed. `position` is a 0-based character offset. */
export class SignatureSyntaxError extends LatheError {
  readonly source: string;
  readonly position: number;

  constructor(source: string, position: number, problem: string) {
    const pointer = `${source}\n${" ".repeat(position)}^`;
    super(NAME, `${problem} at position ${position} of the signature:\n${pointer}`);
    this.source = source;
    this.position = position;
  }

  static override isInstance(error: unknown): error is SignatureSyntaxError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
