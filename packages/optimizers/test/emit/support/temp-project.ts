import { execFile } from "node:child_process";
import { mkdir, mkdtemp, realpath, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, "../../../../..");

/**
 * A throwaway ESM project outside the repository whose `@lathe/core` and `zod` are symlinks to
 * the workspace's, as an installed project would see them.
 */
export async function createTempProject(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "lathe-emit-"));
  await writeFile(join(directory, "package.json"), '{ "type": "module" }\n');
  await mkdir(join(directory, "node_modules", "@lathe"), { recursive: true });
  await symlink(join(repoRoot, "packages", "core"), join(directory, "node_modules", "@lathe", "core"));
  const zod = await realpath(join(repoRoot, "packages", "core", "node_modules", "zod"));
  await symlink(zod, join(directory, "node_modules", "zod"));
  return directory;
}

/** Type-checks `files` of the project with the workspace's `tsc`; resolves to its exit code and output. */
export async function typeCheck(
  directory: string,
  files: readonly string[],
): Promise<{ code: number; output: string }> {
  const config = {
    compilerOptions: {
      target: "ES2023",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules", "@types")],
    },
    files,
  };
  await writeFile(join(directory, "tsconfig.json"), JSON.stringify(config, null, 2));
  try {
    const { stdout, stderr } = await run(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", directory]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}
