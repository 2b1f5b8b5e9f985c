import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { ProgramLoadError } from "../errors/cli-errors.js";

let registered = false;

/**
 * Imports a user's `.ts` (or `.js`) module without a build step. tsx's loader is registered
 * globally rather than with `tsImport`: `tsImport` loads the file in its own namespace, which
 * would give the program a second copy of `@lathe/core` whose scoped settings (the model, the
 * cache) the CLI could not reach.
 */
export async function importTypeScript(file: string, what: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) {
    throw new ProgramLoadError(
      `cannot find the ${what} file ${file}; check the path (it is relative to the working directory)`,
    );
  }
  if (!registered) {
    register();
    registered = true;
  }
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ProgramLoadError(`cannot load the ${what} file ${file}: ${message}`, { cause: error });
  }
}
