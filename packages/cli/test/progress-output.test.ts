import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../src/index.js";

const SHORTHAND = "ticket: string -> queue: enum(billing|technical|account), urgent: boolean";
const ROWS = [
  { ticket: "I was charged twice this month.", queue: "billing", urgent: false },
  { ticket: "The app crashes when I open it.", queue: "technical", urgent: false },
  { ticket: "Someone changed my password, not me!", queue: "account", urgent: true },
  { ticket: "Please resend my invoice.", queue: "billing", urgent: false },
];

interface Captured {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** In-process io whose stderr claims to be a terminal or not. */
function capture(cwd: string, isTTY: boolean): Captured {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return { io: { stdout, stderr, cwd }, stdout: () => out, stderr: () => err };
}

// The CLI in-process (no child process): a fake terminal is the only way to see the bars.
describe("progress bars of eval and compile", () => {
  let directory: string;
  const evalArgs = [
    "eval",
    "--signature",
    SHORTHAND,
    "--data",
    "data.jsonl",
    "--metric",
    "exact:queue,urgent",
    "--lm",
    "sim/small",
    "--no-cache",
  ];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "lathe-cli-progress-"));
    await writeFile(join(directory, "data.jsonl"), ROWS.map((row) => JSON.stringify(row)).join("\n"));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it("eval draws its bar on a terminal and prints the score with its 95% CI on stdout", async () => {
    const run = capture(directory, true);
    expect(await runCli(evalArgs, run.io)).toBe(0);
    expect(run.stderr()).toContain("\r\u001b[2Keval       [########################] 4/4 mean ");
    expect(run.stderr().endsWith("\n")).toBe(true);
    expect(run.stdout()).toMatch(/^score {2}\d\.\d{3} \[95% CI -?\d\.\d{3}, \d\.\d{3}\] n=4\n/);
  });

  it("eval writes nothing on stderr when it is not a terminal, and the same result on stdout", async () => {
    const [terminal, piped] = [capture(directory, true), capture(directory, false)];
    expect(await runCli(evalArgs, terminal.io)).toBe(0);
    expect(await runCli(evalArgs, piped.io)).toBe(0);
    expect(piped.stderr()).toBe("");
    expect(piped.stdout()).toBe(terminal.stdout());
  });

  it("compile shows a bar per phase on a terminal (baseline, then final), none when piped", async () => {
    const args = [
      "compile",
      "--signature",
      SHORTHAND,
      "--train",
      "data.jsonl",
      "--metric",
      "exact:queue,urgent",
      "--optimizer",
      "labeled",
      "--opt",
      "k=2",
      "--lm",
      "sim/small",
      "--no-cache",
    ];
    const terminal = capture(directory, true);
    const piped = capture(directory, false);
    expect(await runCli([...args, "--out", "terminal.json"], terminal.io)).toBe(0);
    expect(await runCli([...args, "--out", "piped.json"], piped.io)).toBe(0);
    const phases = terminal
      .stderr()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split("\r\u001b[2K").at(-1)!.split(/\s+/)[0]);
    expect(phases).toEqual(["baseline", "final"]);
    expect(terminal.stderr()).toContain("final      [########################] 4/4");
    expect(piped.stderr()).toBe("");
  });
});
