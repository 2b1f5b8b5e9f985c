import { reportError } from "../errors/report-error.js";
import type { CliIo } from "../io/cli-io.js";
import { Output } from "../io/output.js";

/** What every command gets: where to write, the working directory, and an error-handling runner. */
export class CommandContext {
  exitCode = 0;

  constructor(readonly io: CliIo) {}

  get cwd(): string {
    return this.io.cwd;
  }

  /** Runs a command body; any error is reported on one line and sets a non-zero exit code. */
  async run(json: boolean, body: (output: Output) => Promise<void>): Promise<void> {
    const output = new Output(this.io, json);
    try {
      await body(output);
    } catch (error) {
      this.exitCode = reportError(error, this.io, json);
    }
  }
}
