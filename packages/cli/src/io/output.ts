import type { CliIo } from "./cli-io.js";
import { ProgressBar } from "./progress-bar.js";

/**
 * A command's voice. Human-readable lines go to stdout unless `--json` asked for one JSON
 * document there instead; notes (warnings, hints) and progress bars go to stderr.
 */
export class Output {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** A line of the human-readable result (suppressed with `--json`). */
  line(text = ""): void {
    if (!this.json) this.io.stdout.write(`${text}\n`);
  }

  /** The machine-readable result (only with `--json`). */
  result(value: unknown): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Something the user should know, on stderr in both modes. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  /** A progress bar on stderr; silent when stderr is not a terminal. */
  progress(): ProgressBar {
    return new ProgressBar(this.io.stderr, this.io.stderr.isTTY === true);
  }
}
