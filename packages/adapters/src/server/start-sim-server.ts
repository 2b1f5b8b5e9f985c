import type { LanguageModel } from "@lathe/core";
import { simModelProfiles } from "../sim/model-profiles.js";
import { createSimModel } from "../sim/sim-language-model.js";
import type { ModelServerOptions } from "./model-server-options.js";
import { type ModelServer, startModelServer } from "./start-model-server.js";

/** Options of `startSimServer`: those of `startModelServer`, which models excepted. */
export type SimServerOptions = Omit<ModelServerOptions, "model" | "modelIds">;

/**
 * Serves every sim model (`small`, `medium`, `large`) over the OpenAI chat-completions API on
 * 127.0.0.1, with the same fault injection as `startModelServer`. Requests may name a model as
 * `small` or with a `sim/`, `sim:` or `sim-` prefix.
 */
export function startSimServer(options: SimServerOptions = {}): Promise<ModelServer> {
  const modelIds = Object.keys(simModelProfiles);
  const models = new Map<string, LanguageModel>();
  const model = (requested: string): LanguageModel | undefined => {
    const name = requested.replace(/^sim[/:-]/, "");
    if (!modelIds.includes(name)) return undefined;
    const cached = models.get(name) ?? createSimModel(name);
    models.set(name, cached);
    return cached;
  };
  return startModelServer({ ...options, model, modelIds });
}
