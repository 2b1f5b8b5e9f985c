import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/** `<target>.<pid>.<hex>.tmp`, as `writeFileAtomic` names its temporary files. */
const TEMPORARY = /\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Removes the temporary files that `writeFileAtomic` calls of dead processes left under
 * `directory` (a process killed between writing and renaming). Files of live processes, this
 * one included, are kept: they may be renamed any moment. Returns how many were removed.
 */
export async function removeOrphanedTemporaryFiles(directory: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(directory, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const orphans = names.filter((name) => {
    const pid = TEMPORARY.exec(name)?.[1];
    return pid !== undefined && !isAlive(Number(pid));
  });
  await Promise.all(orphans.map((name) => rm(join(directory, name), { force: true })));
  return orphans.length;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
