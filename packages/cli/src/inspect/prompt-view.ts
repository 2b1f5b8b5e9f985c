import {
  type GenerateRequest,
  InvalidInputError,
  type Module,
  type Predictor,
  type Settings,
} from "@lathe/core";

/** A predictor's prompt for the given input, or why it cannot be shown without running the program. */
export type PromptView =
  | { readonly path: string; readonly request: GenerateRequest; readonly demos: number }
  | { readonly path: string; readonly missing: readonly string[]; readonly reason: string };

interface RequestingPredictor extends Predictor {
  request(inputs: object, settings?: Settings): GenerateRequest;
}

/**
 * The exact request each predictor would send for `input`, computed without calling an LM.
 * Every predictor whose required input fields are all in `input` is shown; the others (fed by
 * earlier steps' outputs) are listed with the fields they need, which the user can add to
 * `input` to see their prompt too.
 */
export function promptViews(
  program: Module,
  input: Record<string, unknown>,
  settings: Settings,
  only?: string,
): PromptView[] {
  const predictors = program.namedPredictors().filter(([path]) => only === undefined || path === only);
  return predictors.map(([path, predictor]): PromptView => {
    const missing = predictor.signature.inputFields
      .filter((field) => input[field.name] === undefined && !field.schema.safeParse(undefined).success)
      .map((field) => field.name);
    if (missing.length > 0) {
      return {
        path,
        missing,
        reason: `needs ${missing.join(", ")} (from an earlier step): add to --input to see it`,
      };
    }
    if (typeof (predictor as Partial<RequestingPredictor>).request !== "function") {
      return { path, missing: [], reason: "this predictor cannot format a prompt without running" };
    }
    try {
      const { signal: _signal, ...request } = (predictor as RequestingPredictor).request(input, settings);
      return { path, request, demos: predictor.demos.length };
    } catch (error) {
      if (InvalidInputError.isInstance(error)) return { path, missing: [error.field], reason: error.message };
      throw error;
    }
  });
}

export function promptViewLines(views: readonly PromptView[], adapterName: string): string[] {
  const lines: string[] = [];
  for (const view of views) {
    if (!("request" in view)) {
      lines.push(`=== ${view.path} === not shown: ${view.reason}`, "");
      continue;
    }
    const { request } = view;
    lines.push(
      `=== ${view.path} === ${request.messages.length} messages, ${view.demos} demos, adapter ${adapterName}, temperature ${request.temperature}${request.responseFormat ? ", structured output" : ""}`,
    );
    for (const message of request.messages) lines.push(`--- ${message.role} ---`, message.content);
    if (request.responseFormat)
      lines.push("--- response format ---", JSON.stringify(request.responseFormat, null, 2));
    lines.push("");
  }
  return lines;
}
