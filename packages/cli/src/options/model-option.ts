import { type LanguageModel, LatheError } from "@lathe/core";

// Loaded on first use: the backends' SDKs take a while to import and most commands never need them.
const adapters = () => import("@lathe/adapters");

/** Options shared by every flag that names a model. */
export interface ModelFlags {
  /** For `openai-compatible/...` (and to point `openai/...` elsewhere), e.g. a `lathe sim serve` URL. */
  readonly baseUrl?: string;
}

/**
 * Builds the model a `--lm`/`--teacher` flag names (`sim/small`, `openai/gpt-4o-mini`,
 * `ollama/llama3.2`, `openai-compatible/<model>` with `--base-url`). Nothing is called.
 */
export async function resolveModelFlag(text: string, flags: ModelFlags = {}): Promise<LanguageModel> {
  const { MissingApiKeyError, resolveModel } = await adapters();
  try {
    return resolveModel(text, flags.baseUrl === undefined ? {} : { baseURL: flags.baseUrl });
  } catch (error) {
    if (!MissingApiKeyError.isInstance(error)) throw error;
    // The backend's message suggests an API option; on the command line the environment is the way.
    throw new LatheError(
      error.name,
      `no API key for ${text}: export ${error.environmentVariable}=... (or try the offline model sim/small)`,
      { cause: error },
    );
  }
}

/** Checks a model string without constructing the model (no API key needed): for dry runs. */
export async function checkModelFlag(text: string): Promise<{ provider: string; modelId: string }> {
  const { defaultProviderRegistry, parseModelString, UnknownModelError } = await adapters();
  const parsed = parseModelString(text);
  const known = defaultProviderRegistry.providers();
  if (!parsed) {
    throw new UnknownModelError({
      modelString: text,
      knownProviders: known,
      reason: `"${text}" is not a model string`,
    });
  }
  if (!known.includes(parsed.provider))
    throw new UnknownModelError({ modelString: text, knownProviders: known });
  return parsed;
}
