import { LatheError } from "../errors/lathe-error.js";

const NAME = "LatheArtifactError";

export type ArtifactProblem = "unreadable" | "malformed" | "version" | "tampered" | "drift";

/** An artifact cannot be used: unreadable, malformed, of another version, altered, or for a different program. */
export class ArtifactError extends LatheError {
  readonly problem: ArtifactProblem;
  /** For drift: the predictor path and field that changed. */
  readonly predictor: string | undefined;
  readonly field: string | undefined;

  constructor(problem: ArtifactProblem, message: string, where: { predictor?: string; field?: string } = {}) {
    super(NAME, message);
    this.problem = problem;
    this.predictor = where.predictor;
    this.field = where.field;
  }

  static override isInstance(error: unknown): error is ArtifactError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
