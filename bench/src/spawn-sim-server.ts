import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./sim-server-process.ts", import.meta.url));

/** A sim server running in a child process started here; `close` stops that process (by its pid). */
export interface SimServerProcess {
  readonly url: string;
  close(): Promise<void>;
}

export async function spawnSimServer(latencyMs: number): Promise<SimServerProcess> {
  // Same Node and loader flags (tsx) as this process.
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, script, String(latencyMs)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n")[0];
      if (buffered.includes("\n") && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => reject(new Error(`the sim server process exited early (code ${code})`)));
    child.once("error", reject);
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
