import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "@lathe/core";

/**
 * A marker a compile leaves in the cache directory while it runs and removes when it finishes,
 * so a later run with the same settings can tell it is resuming an interrupted one. Resuming
 * itself needs nothing more: completed calls replay from the cache.
 */
export class RunMarker {
  private readonly path: string;

  constructor(cacheDirectory: string, key: string) {
    this.path = join(cacheDirectory, "runs", `${key}.json`);
  }

  /** When an interrupted run with this key started, if one did. */
  async interrupted(): Promise<string | undefined> {
    try {
      const marker = JSON.parse(await readFile(this.path, "utf8")) as { startedAt?: unknown };
      return typeof marker.startedAt === "string" ? marker.startedAt : "an unknown time";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      return "an unknown time"; // a half-written marker still means a run was interrupted
    }
  }

  async start(description: Record<string, unknown>): Promise<void> {
    await writeFileAtomic(
      this.path,
      `${JSON.stringify({ startedAt: new Date().toISOString(), ...description })}\n`,
    );
  }

  async finish(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
