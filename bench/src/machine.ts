import { execFileSync } from "node:child_process";
import { cpus, freemem, platform, release, totalmem } from "node:os";

/** Where a benchmark ran: enough to judge whether its numbers transfer to another machine. */
export interface MachineDescription {
  readonly date: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly commit: string;
  readonly axVersion: string;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

export function describeMachine(axVersion: string): MachineDescription {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    os: `${platform()} ${release()}`,
    node: process.version,
    commit: commit(),
    axVersion,
  };
}

export function machineMarkdown(machine: MachineDescription): string {
  return [
    `- date: ${machine.date}`,
    `- CPU: ${machine.cpuModel}, ${machine.cores} cores`,
    `- memory: ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} GiB free at start)`,
    `- OS: ${machine.os}; Node ${machine.node}`,
    `- Lathe commit: ${machine.commit}; @ax-llm/ax ${machine.axVersion}`,
  ].join("\n");
}
