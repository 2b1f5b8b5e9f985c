import type { LanguageModel } from "@lathe/core";
import type { OpenAIOptions } from "../openai/openai-options.js";
import { parseModelString } from "./parse-model-string.js";
import { UnknownModelError } from "./unknown-model-error.js";

/**
 * Options passed through to a provider factory: the settings of the OpenAI-family backends
 * (`baseURL`, `apiKey`, `headers`, `timeoutMs`, `maxRetries`, `concurrency`...), each optional.
 * The model id comes from the model string. Providers that need more (a custom factory) take it
 * from their own closure. `sim` reads none.
 */
export type ResolveModelOptions = Partial<Omit<OpenAIOptions, "modelId">>;

/** Builds a model of one provider from the part of the model string after the slash. */
export type ProviderFactory = (modelId: string, options: ResolveModelOptions) => LanguageModel;

/** Maps provider names to factories; `resolveModel` turns `provider/model` strings into models. */
export class ProviderRegistry {
  private readonly factories = new Map<string, ProviderFactory>();

  /** Registers (or replaces) a provider; returns a function that restores the previous state. */
  register(name: string, factory: ProviderFactory): () => void {
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
      throw new RangeError(`provider names are letters, digits, ".", "_" and "-", got "${name}"`);
    }
    const previous = this.factories.get(name);
    this.factories.set(name, factory);
    return () => {
      if (this.factories.get(name) !== factory) return;
      if (previous) this.factories.set(name, previous);
      else this.factories.delete(name);
    };
  }

  /** Registered provider names, sorted. */
  providers(): string[] {
    return [...this.factories.keys()].sort();
  }

  /** @throws UnknownModelError for a malformed string or an unregistered provider. */
  resolve(modelString: string, options: ResolveModelOptions = {}): LanguageModel {
    const parsed = parseModelString(modelString);
    if (!parsed) {
      const reason = `"${modelString}" is not a model string`;
      throw new UnknownModelError({ modelString, knownProviders: this.providers(), reason });
    }
    const factory = this.factories.get(parsed.provider);
    if (!factory) throw new UnknownModelError({ modelString, knownProviders: this.providers() });
    return factory(parsed.modelId, options);
  }
}
