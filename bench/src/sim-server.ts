import { createSimModel, type ModelServer, startModelServer } from "@lathe/adapters";
import { axDialect } from "./ax-dialect/ax-dialect-model.js";

export const SIM_API_KEY = "sk-bench-sim";

/**
 * The simulated model (`small`, `medium`, `large`) as an OpenAI-compatible server on 127.0.0.1,
 * with a fixed latency per call. One server answers both frameworks: Lathe's prompts reach the
 * sim as they are, Ax's through the `axDialect` translation.
 */
export function startSimServer(options: { latencyMs?: number } = {}): Promise<ModelServer> {
  const ids = ["small", "medium", "large"];
  const models = new Map(ids.map((id) => [id, axDialect(createSimModel(id))]));
  return startModelServer({
    model: (modelId) => models.get(modelId),
    modelIds: ids,
    apiKey: SIM_API_KEY,
    latencyMs: options.latencyMs ?? 0,
    seed: 1,
  });
}
