import type { GenerateResult } from "../lm/language-model.js";
import type { ResponseCache } from "./response-cache.js";

/** An in-process cache; results are kept as frozen JSON copies. */
export class MemoryCache implements ResponseCache {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<GenerateResult | undefined> {
    const stored = this.entries.get(key);
    return stored === undefined ? undefined : (JSON.parse(stored) as GenerateResult);
  }

  async set(key: string, result: GenerateResult): Promise<void> {
    this.entries.set(key, JSON.stringify(result));
  }

  get size(): number {
    return this.entries.size;
  }
}
