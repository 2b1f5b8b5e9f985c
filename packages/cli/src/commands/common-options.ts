import { resolve } from "node:path";
import type { Artifact } from "@lathe/core";
import { type Command, InvalidArgumentError } from "commander";
import { UsageError } from "../errors/cli-errors.js";
import { type LoadedProgram, loadProgram, loadSignatureProgram } from "../program/load-program.js";
import { parseProgramRef } from "../program/program-ref.js";
import { signatureSpecOf } from "../program/signature-program.js";

/** A whole-number flag value, at least `minimum`. */
export function wholeNumber(minimum: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < minimum) {
      throw new InvalidArgumentError(`expected a whole number >= ${minimum}`);
    }
    return number;
  };
}

/** A number flag value in [minimum, maximum]. */
export function numberBetween(
  minimum: number,
  maximum = Number.POSITIVE_INFINITY,
): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number) || number < minimum || number > maximum) {
      throw new InvalidArgumentError(
        `expected a number ${maximum === Number.POSITIVE_INFINITY ? `>= ${minimum}` : `between ${minimum} and ${maximum}`}`,
      );
    }
    return number;
  };
}

export interface ProgramFlags {
  readonly signature?: string;
  readonly cot?: boolean;
  readonly instructions?: string;
}

export function addProgramFlags(command: Command): Command {
  return command
    .option("--signature <shorthand>", "use a single Predict of this signature instead of a program file")
    .option("--cot", "with --signature: a ChainOfThought instead of a Predict")
    .option("--instructions <text>", "with --signature: the task instructions");
}

export interface CacheFlags {
  readonly cache: boolean;
  readonly cacheDir: string;
}

export function addCacheFlags(command: Command): Command {
  return command
    .option("--cache-dir <dir>", "response cache directory", ".lathe/cache")
    .option("--no-cache", "call the model for every request (nothing is read or written)");
}

export function cacheDirectory(flags: CacheFlags, cwd: string): string | false {
  return flags.cache ? resolve(cwd, flags.cacheDir) : false;
}

/**
 * The program a command works on: `<file.ts>#<export>`, or `--signature`, or (when `fallback`
 * is an artifact compiled with `--signature`) the signature recorded in it.
 */
export async function resolveProgram(
  ref: string | undefined,
  flags: ProgramFlags,
  cwd: string,
  fallback?: Artifact,
): Promise<LoadedProgram> {
  if (ref !== undefined && flags.signature !== undefined) {
    throw new UsageError("give either a program (<file.ts>#<export>) or --signature, not both");
  }
  if (ref !== undefined) return loadProgram(parseProgramRef(ref, cwd));
  if (flags.signature !== undefined) {
    return loadSignatureProgram(
      { shorthand: flags.signature, chainOfThought: flags.cot === true },
      flags.instructions,
    );
  }
  const recorded = fallback ? signatureSpecOf(fallback) : undefined;
  if (recorded) return loadSignatureProgram(recorded);
  if (fallback) {
    throw new UsageError(
      `the artifact was compiled from a program file (${fallback.program.name}); pass the program: --program <file.ts>#<export>`,
    );
  }
  throw new UsageError(
    "no program given: pass <file.ts>#<export>, or --signature 'question: string -> answer: string'",
  );
}
