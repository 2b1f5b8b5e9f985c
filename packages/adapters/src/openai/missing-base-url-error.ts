import { LatheError } from "@lathe/core";

const NAME = "LatheMissingBaseURLError";

/** A backend that has no default server was created without a `baseURL`. */
export class MissingBaseURLError extends LatheError {
  readonly provider: string;

  constructor(data: { provider: string }) {
    super(NAME, `${data.provider} needs a server: pass the baseURL option, e.g. http://127.0.0.1:8000/v1`);
    this.provider = data.provider;
  }

  static override isInstance(error: unknown): error is MissingBaseURLError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
