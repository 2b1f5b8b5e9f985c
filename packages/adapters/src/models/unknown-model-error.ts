import { LatheError } from "@lathe/core";

const NAME = "LatheUnknownModelError";

/** A model string names no registered provider, or is not `<provider>/<model>` at all. */
export class UnknownModelError extends LatheError {
  readonly modelString: string;
  readonly knownProviders: readonly string[];

  constructor(data: { modelString: string; knownProviders: readonly string[]; reason?: string }) {
    const known = data.knownProviders.join(", ");
    super(
      NAME,
      `${data.reason ?? `Unknown model provider in "${data.modelString}"`}; write <provider>/<model> with one of: ${known}`,
    );
    this.modelString = data.modelString;
    this.knownProviders = data.knownProviders;
  }

  static override isInstance(error: unknown): error is UnknownModelError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
