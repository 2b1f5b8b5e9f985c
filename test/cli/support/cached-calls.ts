import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Cached responses in a DiskCache directory (one file per completed LM call), not counting run markers. */
export function cachedCalls(directory: string): number {
  if (!existsSync(directory)) return 0;
  return readdirSync(directory)
    .filter((entry) => /^[0-9a-f]{2}$/.test(entry))
    .reduce(
      (sum, entry) =>
        sum + readdirSync(join(directory, entry)).filter((file) => file.endsWith(".json")).length,
      0,
    );
}
