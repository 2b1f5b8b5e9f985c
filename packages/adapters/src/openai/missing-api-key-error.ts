import { LatheError } from "@lathe/core";

const NAME = "LatheMissingApiKeyError";

/** No API key was given and none is set in the environment. */
export class MissingApiKeyError extends LatheError {
  readonly provider: string;
  readonly environmentVariable: string;

  constructor(data: { provider: string; environmentVariable: string }) {
    super(NAME, `No API key for ${data.provider}: set ${data.environmentVariable} or pass the apiKey option`);
    this.provider = data.provider;
    this.environmentVariable = data.environmentVariable;
  }

  static override isInstance(error: unknown): error is MissingApiKeyError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
