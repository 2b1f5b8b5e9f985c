import { LatheError } from "../errors/lathe-error.js";
import type { FinishReason } from "../lm/language-model.js";

const NAME = "LatheOutputParseError";

/** The LM's reply could not be turned into the signature's outputs, even after retries. */
export class OutputParseError extends LatheError {
  /** The last raw completion. */
  readonly completion: string;
  /** Every completion tried, first to last. */
  readonly completions: readonly string[];
  readonly expectedFields: readonly string[];
  /** Why the last completion was rejected. */
  readonly reason: string;
  readonly finishReason: FinishReason | undefined;
  readonly path: string | undefined;

  constructor(data: {
    completions: readonly string[];
    expectedFields: readonly string[];
    reason: string;
    finishReason?: FinishReason;
    path?: string;
  }) {
    const where = data.path ? ` at predictor '${data.path}'` : "";
    const hint =
      data.finishReason === "length"
        ? "the completion was cut off by the token limit; raise maxTokens"
        : "check the instructions and demos, or try another adapter or model";
    super(
      NAME,
      `could not parse the LM's reply${where} after ${data.completions.length} attempt(s): ${data.reason} (expected fields: ${data.expectedFields.join(", ")}); ${hint}`,
    );
    this.completions = data.completions;
    this.completion = data.completions.at(-1) ?? "";
    this.expectedFields = data.expectedFields;
    this.reason = data.reason;
    this.finishReason = data.finishReason;
    this.path = data.path;
  }

  static override isInstance(error: unknown): error is OutputParseError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
