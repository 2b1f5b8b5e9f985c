import { LatheError } from "@lathe/core";
import type { CliIo } from "../io/cli-io.js";
import { UsageError } from "./cli-errors.js";

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/**
 * Prints an error and returns the exit code. Lathe's own errors (bad input, a model string, a
 * key, a dataset row, a drifted artifact) are one line that says what to do; anything else is
 * unexpected and gets its stack trace. LATHE_DEBUG=1 shows stacks for every error.
 */
export function reportError(error: unknown, io: CliIo, json: boolean): number {
  const debug = process.env.LATHE_DEBUG === "1";
  const known = LatheError.isInstance(error);
  const message = error instanceof Error ? error.message : String(error);
  const code = UsageError.isInstance(error) ? EXIT_USAGE : known ? EXIT_FAILURE : EXIT_INTERNAL;
  if (json) {
    const name = error instanceof Error ? error.name : "Error";
    io.stdout.write(`${JSON.stringify({ error: { name, message, exitCode: code } }, null, 2)}\n`);
  }
  if (known) {
    io.stderr.write(`lathe: error: ${oneLine(message)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return code;
  }
  io.stderr.write(
    `lathe: unexpected error: ${oneLine(message)}\n${error instanceof Error && error.stack ? `${error.stack}\n` : ""}` +
      "This looks like a bug (in Lathe, or in code it ran). If the stack points into your program or metric, fix it there; otherwise please report it with the command you ran.\n",
  );
  return code;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
