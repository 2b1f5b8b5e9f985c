import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./cli-project.js";

/** A `lathe sim serve` child process. */
export interface SimServeProcess {
  readonly url: string;
  /** Sends SIGTERM and resolves to the exit code and everything the server wrote on stderr. */
  stop(): Promise<{ code: number | null; stderr: string }>;
}

/**
 * Starts `lathe sim serve --json ...flags` in `cwd` and resolves once it printed its URL. Without a
 * `--port` flag it binds a free port.
 */
export function serveSim(cwd: string, flags: readonly string[]): Promise<SimServeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), "sim", "serve", "--json", ...flags],
    { cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    return { code: await exited, stderr };
  };
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.trimEnd().endsWith("}")) resolve({ url: (JSON.parse(stdout) as { url: string }).url, stop });
    });
    void exited.then((code) => reject(new Error(`sim serve exited with ${code}: ${stderr}`)));
  });
}
