import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, realpath, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const repoRoot = resolve(import.meta.dirname, "../../..");
const bin = join(repoRoot, "packages", "cli", "src", "bin.ts");

/**
 * A throwaway ESM project outside the repository, as a user's would look: `@lathe/core`, `zod`
 * and `tsx` in its node_modules (symlinks to the workspace's).
 */
export async function createProject(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  await writeFile(join(directory, "package.json"), '{ "type": "module" }\n');
  await mkdir(join(directory, "node_modules", "@lathe"), { recursive: true });
  await symlink(join(repoRoot, "packages", "core"), join(directory, "node_modules", "@lathe", "core"));
  await symlink(
    await realpath(join(repoRoot, "packages", "core", "node_modules", "zod")),
    join(directory, "node_modules", "zod"),
  );
  await symlink(
    await realpath(join(repoRoot, "packages", "cli", "node_modules", "tsx")),
    join(directory, "node_modules", "tsx"),
  );
  return directory;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs `node --import tsx packages/cli/src/bin.ts ...args` in `cwd`, as a user would run `lathe`. */
export function lathe(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", bin, ...args], {
      cwd,
      env: { ...process.env, LATHE_DEBUG: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolveRun({
        code,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
          }
        },
      }),
    );
  });
}

const run = promisify(execFile);

/** Type-checks `files` in `directory` with the workspace's tsc; resolves to its output ("" when clean). */
export async function typeCheck(directory: string, files: readonly string[]): Promise<string> {
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
    await run(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", directory]);
    return "";
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ""}${failure.stderr ?? ""}` || String(error);
  }
}
