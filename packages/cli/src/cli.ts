import { LATHE_VERSION } from "@lathe/optimizers";
import { Command, CommanderError } from "commander";
import { CommandContext } from "./commands/command-context.js";
import { compileCommand } from "./commands/compile.js";
import { diffCommand } from "./commands/diff.js";
import { evalCommand } from "./commands/eval.js";
import { inspectCommand } from "./commands/inspect.js";
import { retargetCommand } from "./commands/retarget.js";
import { simCommand } from "./commands/sim.js";
import { EXIT_USAGE, reportError } from "./errors/report-error.js";
import { type CliIo, processIo } from "./io/cli-io.js";

/**
 * Runs the `lathe` command line with `argv` (the arguments after `lathe`) and resolves to the
 * exit code: 0 on success, 1 for an error in the input (one line saying what to do), 2 for a
 * misused flag, 70 for an unexpected error (with its stack).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context = new CommandContext(io);
  const program = new Command("lathe")
    .description("Compile LLM programs: typed signatures, optimizers, frozen artifacts.")
    .version(LATHE_VERSION, "-v, --version")
    .addCommand(compileCommand(context))
    .addCommand(evalCommand(context))
    .addCommand(inspectCommand(context))
    .addCommand(diffCommand(context))
    .addCommand(retargetCommand(context))
    .addCommand(simCommand(context));
  configure(program, io);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    return reportError(error, io, false);
  }
  return context.exitCode;
}

/** Every command writes through `io`, throws instead of exiting, and prefixes its errors. */
function configure(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`lathe: ${text}`),
    });
  for (const child of command.commands) configure(child, io);
}
