import { createOpenAICompatible, type ModelServer, type OpenAIOptions } from "@lathe/adapters";

/**
 * The sim served by `server`, reached through the real `openai` client, with retry waits short
 * enough for tests and enough retries to outlast the injected faults.
 */
export function httpModel(server: ModelServer, options: Partial<OpenAIOptions> = {}) {
  return createOpenAICompatible({
    modelId: "small",
    baseURL: server.url,
    provider: "sim-http",
    maxRetries: 60,
    initialRetryDelayMs: 1,
    maxRetryDelayMs: 25,
    timeoutMs: 5_000,
    ...options,
  });
}

/** Collects unhandled rejections and uncaught exceptions until `stop()`. */
export function watchProcessErrors(): { readonly errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const record = (error: unknown) => errors.push(error);
  process.on("unhandledRejection", record);
  process.on("uncaughtException", record);
  return {
    errors,
    stop() {
      process.off("unhandledRejection", record);
      process.off("uncaughtException", record);
    },
  };
}
