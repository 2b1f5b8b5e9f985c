import { ChatAdapter } from "../adapters/chat-adapter.js";
import { JsonAdapter } from "../adapters/json-adapter.js";
import type { Settings } from "../settings/settings.js";
import type { Artifact } from "./artifact-schema.js";

/** The prompt adapter and sampling the artifact was compiled with, to run it the same way. */
export function artifactSettings(artifact: Artifact): Settings {
  const { adapter, sampling } = artifact.target;
  return {
    temperature: sampling.temperature,
    ...(sampling.maxTokens === undefined ? {} : { maxTokens: sampling.maxTokens }),
    ...(adapter === "json"
      ? { adapter: new JsonAdapter() }
      : adapter === "chat"
        ? { adapter: new ChatAdapter() }
        : {}),
  };
}
