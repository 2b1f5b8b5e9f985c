import { isAbsolute, resolve } from "node:path";
import { UsageError } from "../errors/cli-errors.js";

/** A `<file.ts>#<export>` reference, resolved against the working directory. */
export interface ProgramRef {
  readonly file: string;
  /** `default` when the reference names no export. */
  readonly exportName: string;
  /** As the user wrote it, for messages. */
  readonly text: string;
}

/** Parses `path/to/program.ts#exportName` (the export defaults to `default`). */
export function parseProgramRef(text: string, cwd: string): ProgramRef {
  const hash = text.lastIndexOf("#");
  const path = hash < 0 ? text : text.slice(0, hash);
  const exportName = hash < 0 ? "default" : text.slice(hash + 1);
  if (path.trim() === "") {
    throw new UsageError(`'${text}' names no file; write <file.ts>#<export>, e.g. src/qa.ts#qa`);
  }
  if (exportName === "") {
    throw new UsageError(
      `'${text}' ends with '#' but names no export; write ${path}#<export> or just ${path}`,
    );
  }
  return { file: isAbsolute(path) ? path : resolve(cwd, path), exportName, text };
}
