import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GenerateResult } from "../lm/language-model.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { canonicalJson } from "../util/canonical-json.js";
import { sha256 } from "../util/hash.js";
import { removeOrphanedTemporaryFiles } from "../util/orphaned-temporary-files.js";
import { MemoryCache } from "./memory-cache.js";
import type { ResponseCache } from "./response-cache.js";

const FORMAT = "lathe.cache/v1";

export interface DiskCacheOptions {
  /** @default ".lathe/cache" (relative to the working directory) */
  readonly directory?: string;
}

/**
 * A cache on disk, one JSON file per entry, written atomically, fronted by memory. Each entry
 * carries its key and a checksum of its result; an entry that fails either check (a corrupted
 * or hand-edited file) is ignored, counted in `corruptEntries`, and overwritten on the next set.
 * The first write of each instance also removes the temporary files that killed processes left
 * behind, so a compile killed and resumed again and again does not litter its cache.
 */
export class DiskCache implements ResponseCache {
  readonly directory: string;
  private readonly memory = new MemoryCache();
  private corrupt = 0;
  private sweep: Promise<number> | undefined;

  constructor(options: DiskCacheOptions = {}) {
    this.directory = options.directory ?? join(".lathe", "cache");
  }

  get corruptEntries(): number {
    return this.corrupt;
  }

  async get(key: string): Promise<GenerateResult | undefined> {
    const remembered = await this.memory.get(key);
    if (remembered) return remembered;
    const text = await this.read(key);
    if (text === undefined) return undefined;
    const result = this.verify(key, text);
    if (result === undefined) {
      this.corrupt++;
      return undefined;
    }
    await this.memory.set(key, result);
    return result;
  }

  async set(key: string, result: GenerateResult): Promise<void> {
    await this.memory.set(key, result);
    this.sweep ??= removeOrphanedTemporaryFiles(this.directory);
    await this.sweep;
    const entry = { format: FORMAT, key, checksum: sha256(canonicalJson(result)), result };
    await writeFileAtomic(this.pathOf(key), `${JSON.stringify(entry)}\n`);
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new TypeError(`invalid cache key ${JSON.stringify(key)}`);
    return join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  private async read(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(key), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  private verify(key: string, text: string): GenerateResult | undefined {
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      return undefined; // truncated or garbled: treated as a miss and counted by the caller
    }
    if (entry === null || typeof entry !== "object") return undefined;
    const { format, key: storedKey, checksum, result } = entry as Record<string, unknown>;
    if (format !== FORMAT || storedKey !== key || typeof checksum !== "string") return undefined;
    if (!isGenerateResult(result) || sha256(canonicalJson(result)) !== checksum) return undefined;
    return result;
  }
}

function isGenerateResult(value: unknown): value is GenerateResult {
  if (value === null || typeof value !== "object") return false;
  const { choices, usage } = value as Record<string, unknown>;
  return Array.isArray(choices) && usage !== null && typeof usage === "object";
}
