import { describe, expectTypeOf, it } from "vitest";
import { type ResolveModelOptions, resolveModel } from "../../src/models/index.js";

describe("ResolveModelOptions", () => {
  it("types every field and accepts no unknown key", () => {
    expectTypeOf<ResolveModelOptions["baseURL"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ResolveModelOptions["headers"]>().toEqualTypeOf<
      Readonly<Record<string, string>> | undefined
    >();
    expectTypeOf<ResolveModelOptions["concurrency"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<keyof ResolveModelOptions>().not.toEqualTypeOf<string>();
    resolveModel("openai-compatible/m", { baseURL: "http://127.0.0.1:1/v1", timeoutMs: 5, maxRetries: 0 });
    // @ts-expect-error a misspelt option is caught, not silently ignored
    resolveModel("openai-compatible/m", { baseUrl: "http://127.0.0.1:1/v1" });
    // @ts-expect-error the model id comes from the model string
    resolveModel("openai/gpt-4o-mini", { modelId: "other" });
  });
});
