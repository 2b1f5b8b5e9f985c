import { Module, Signature } from "@lathe/core";
import type { EmittedProgram } from "@lathe/optimizers";
import { ProgramLoadError } from "../errors/cli-errors.js";
import { closestName } from "../util/closest-name.js";
import { importTypeScript } from "./import-typescript.js";
import type { ProgramRef } from "./program-ref.js";
import { type SignatureSpec, signatureProgram, signatureProgramName } from "./signature-program.js";

/** A program ready to compile, evaluate or inspect, and where it came from. */
export interface LoadedProgram {
  readonly program: Module;
  /** Recorded in the artifact: the class name, or `Predict(<shorthand>)` for `--signature`. */
  readonly name: string;
  /** How an emitted module re-creates the program. */
  readonly source: EmittedProgram;
  /** The program's source file, if it has one (for MIPRO's program-aware proposer). */
  readonly file?: string;
}

const MODULE_MARKER = Symbol.for("lathe.module");

/**
 * Loads `<file.ts>#<export>`. The export may be a Module instance, a Module class (constructed
 * with no arguments), a function returning a Module (or a promise of one, called with no
 * arguments), or a Signature (wrapped in a Predict).
 */
export async function loadProgram(ref: ProgramRef): Promise<LoadedProgram> {
  const exports = await importTypeScript(ref.file, "program");
  if (!Object.hasOwn(exports, ref.exportName)) {
    const names = Object.keys(exports).filter((name) => name !== "__esModule");
    const close = closestName(ref.exportName, names);
    const hint =
      names.length > 0
        ? `${close ? `did you mean '${close}'? ` : ""}its exports are: ${names.join(", ")}`
        : "it exports nothing";
    throw new ProgramLoadError(
      `${ref.file} has no export '${ref.exportName}'; ${hint} (write ${ref.text.split("#")[0]}#<export>)`,
    );
  }
  const value = exports[ref.exportName];
  const { program, form } = await instantiate(value, ref);
  // A bare Predict is better known by its export name; a program class by its class name.
  const className = program.constructor.name;
  const name =
    form === "instance" &&
    ref.exportName !== "default" &&
    ["Predict", "ChainOfThought", ""].includes(className)
      ? ref.exportName
      : className || ref.exportName;
  return {
    program,
    name,
    file: ref.file,
    source: { kind: "export", file: ref.file, exportName: ref.exportName, form },
  };
}

/** A program from `--signature`. */
export function loadSignatureProgram(spec: SignatureSpec, instructions?: string): LoadedProgram {
  return {
    program: signatureProgram(spec, instructions),
    name: signatureProgramName(spec),
    source: { kind: "signature", shorthand: spec.shorthand, chainOfThought: spec.chainOfThought },
  };
}

async function instantiate(
  value: unknown,
  ref: ProgramRef,
): Promise<{ program: Module; form: "instance" | "class" | "factory" }> {
  const where = `${ref.file}#${ref.exportName}`;
  if (isModuleLike(value)) return { program: checked(value, where), form: "instance" };
  if (value instanceof Signature) {
    throw new ProgramLoadError(
      `${where} is a signature, not a program; export new Predict(${ref.exportName}) (or use --signature '<inputs> -> <outputs>')`,
    );
  }
  if (typeof value !== "function") {
    throw new ProgramLoadError(
      `${where} is a ${value === null ? "null" : typeof value}, not a program; export a Module instance, a Module class or a function returning one`,
    );
  }
  const isClass = /^class\b/.test(Function.prototype.toString.call(value));
  let made: unknown;
  try {
    made = isClass ? new (value as new () => unknown)() : await (value as () => unknown)();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ProgramLoadError(
      `${where} threw while ${isClass ? "being constructed" : "being called"} with no arguments: ${message}`,
      { cause: error },
    );
  }
  if (!isModuleLike(made)) {
    throw new ProgramLoadError(
      `${where} ${isClass ? "constructs" : "returns"} something that is not a Lathe Module; it must extend Module (e.g. a Predict)`,
    );
  }
  return { program: checked(made, where), form: isClass ? "class" : "factory" };
}

function isModuleLike(value: unknown): value is Module {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MODULE_MARKER] === true
  );
}

/** A Module of another copy of @lathe/core would not see the CLI's settings (model, cache). */
function checked(program: Module, where: string): Module {
  if (!(program instanceof Module)) {
    throw new ProgramLoadError(
      `${where} uses a different copy of @lathe/core than this lathe CLI; run the CLI installed in the program's project (npx lathe) so both share one`,
    );
  }
  if (program.namedPredictors().length === 0) {
    throw new ProgramLoadError(`${where} has no predictors to compile; a program needs at least one Predict`);
  }
  return program;
}
