import { type Artifact, ChainOfThought, LatheError, type Module, Predict, signature } from "@lathe/core";
import { UsageError } from "../errors/cli-errors.js";

/** A single-predictor program built from a signature shorthand (`--signature`). */
export interface SignatureSpec {
  readonly shorthand: string;
  readonly chainOfThought: boolean;
}

/** `Predict(question: string -> answer: string)` or `ChainOfThought(...)`: the artifact's program name. */
export function signatureProgramName(spec: SignatureSpec): string {
  return `${spec.chainOfThought ? "ChainOfThought" : "Predict"}(${spec.shorthand})`;
}

/** Reads a program name written by `signatureProgramName` back; undefined for any other name. */
export function signatureSpecFromName(name: string): SignatureSpec | undefined {
  const match = /^(Predict|ChainOfThought)\(([\s\S]*->[\s\S]*)\)$/.exec(name);
  return match ? { chainOfThought: match[1] === "ChainOfThought", shorthand: match[2]! } : undefined;
}

/** The signature spec an artifact compiled with `--signature` records, if it was. */
export function signatureSpecOf(artifact: Artifact): SignatureSpec | undefined {
  return signatureSpecFromName(artifact.program.name);
}

/** Builds the Predict (or ChainOfThought) for a shorthand; a syntax error becomes a usage error. */
export function signatureProgram(spec: SignatureSpec, instructions?: string): Module {
  if (!spec.shorthand.includes("->")) {
    throw new UsageError(
      `--signature '${spec.shorthand}' has no '->'; write inputs -> outputs, e.g. 'question: string -> answer: string'`,
    );
  }
  try {
    const parsed = signature(spec.shorthand, instructions);
    return spec.chainOfThought ? new ChainOfThought(parsed) : new Predict(parsed);
  } catch (error) {
    if (LatheError.isInstance(error)) {
      const problem = error.message.split("\n")[0]!.replace(/ of the signature:$/, "");
      throw new UsageError(`--signature '${spec.shorthand}': ${problem}`);
    }
    throw error;
  }
}
