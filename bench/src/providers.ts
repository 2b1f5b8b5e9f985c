import type { AxAIService } from "@ax-llm/ax";
import { createOpenAICompatible, createSimModel, resolveModel } from "@lathe/adapters";
import type { LanguageModel } from "@lathe/core";
import { axDialect } from "./ax-dialect/ax-dialect-model.js";
import { axOpenAIService, axServiceFromModel } from "./ax-services.js";
import { countingModel } from "./counting-model.js";
import { instrumentedFetch } from "./instrumented-fetch.js";
import { SIM_API_KEY } from "./sim-server.js";
import { spawnSimServer } from "./spawn-sim-server.js";

export type Role = "student" | "teacher";

/** Calls and prompt characters seen so far. */
export interface CallCounts {
  readonly calls: number;
  readonly promptChars: number;
}

/**
 * Where the benchmarks get their models: the same student and teacher for both frameworks,
 * Lathe as a `LanguageModel`, Ax as an `AxAIService`.
 */
export interface Provider {
  readonly label: string;
  /** Fixed latency per call when the provider controls it (the sim server). */
  readonly latencyMs?: number;
  lathe(role: Role, fetch?: typeof globalThis.fetch): LanguageModel;
  ax(role: Role, fetch?: typeof globalThis.fetch): AxAIService;
  /** An Ax service and a live count of the calls made through it. */
  axCounted(role: Role): { service: AxAIService; counts: CallCounts };
  close(): Promise<void>;
}

const simIds: Record<Role, string> = { student: "small", teacher: "large" };

/** The sim in this process: no HTTP, no latency (Ax's prompts read through `axDialect`). */
export function inProcessSim(): Provider {
  return {
    label: "sim/small (student) and sim/large (teacher), in process",
    lathe: (role) => createSimModel(simIds[role]),
    ax: (role) => axServiceFromModel(axDialect(createSimModel(simIds[role])), role),
    axCounted(role) {
      const model = countingModel(axDialect(createSimModel(simIds[role])));
      return { service: axServiceFromModel(model, role), counts: model.counts };
    },
    close: async () => {},
  };
}

/**
 * The sim served over loopback HTTP with a fixed latency, from its own process; Lathe via its
 * openai backend, Ax via AxAIOpenAI.
 */
export async function simServer(latencyMs: number): Promise<Provider> {
  const server = await spawnSimServer(latencyMs);
  const ax = (role: Role, fetch?: typeof globalThis.fetch) =>
    axOpenAIService({
      baseURL: server.url,
      apiKey: SIM_API_KEY,
      model: simIds[role],
      ...(fetch ? { fetch } : {}),
    });
  return {
    label: `sim/small and sim/large served over loopback HTTP by another process, ${latencyMs} ms per call`,
    latencyMs,
    lathe: (role, fetch) =>
      createOpenAICompatible({
        modelId: simIds[role],
        baseURL: server.url,
        apiKey: SIM_API_KEY,
        provider: "sim-http",
        ...(fetch ? { fetch } : {}),
      }),
    ax,
    axCounted(role) {
      const { fetch, log } = instrumentedFetch();
      return { service: ax(role, fetch), counts: log };
    },
    close: () => server.close(),
  };
}

/**
 * A real OpenAI-compatible provider from model strings such as `openai/gpt-4o-mini`: Lathe
 * resolves them as usual (OPENAI_API_KEY, OPENAI_BASE_URL); Ax's AxAIOpenAI gets the same key,
 * base URL and model id.
 */
export function realProvider(models: Record<Role, string>): Provider {
  const modelId = (role: Role) => models[role].slice(models[role].indexOf("/") + 1);
  const baseURL = process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1";
  const apiKey = process.env.OPENAI_API_KEY ?? "not-needed";
  const ax = (role: Role, fetch?: typeof globalThis.fetch) =>
    axOpenAIService({ baseURL, apiKey, model: modelId(role), ...(fetch ? { fetch } : {}) });
  return {
    label: `${models.student} (student) and ${models.teacher} (teacher) at ${baseURL}`,
    lathe: (role, fetch) => resolveModel(models[role], fetch ? { fetch } : {}),
    ax,
    axCounted(role) {
      const { fetch, log } = instrumentedFetch();
      return { service: ax(role, fetch), counts: log };
    },
    close: async () => {},
  };
}
