import { existsSync } from "node:fs";
import { readFile, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe, repoRoot } from "./support/cli-project.js";
import { latheCommands, markdownSection } from "./support/readme-commands.js";
import { type SimServeProcess, serveSim } from "./support/sim-serve-process.js";

// Flags whose value is a file the command must have written.
const WRITES = ["--out", "--emit-ts"];

// Parsed from the READMEs themselves, so an example that drifts from the CLI fails here.
const readmes = [
  {
    name: "README.md, section CLI",
    commands: latheCommands(markdownSection(await readText("README.md"), "CLI")),
  },
  { name: "packages/cli/README.md", commands: latheCommands(await readText("packages/cli/README.md")) },
];

function readText(path: string): Promise<string> {
  return readFile(join(repoRoot, path), "utf8");
}

/** `sim serve ... --port <n>` as written, with the port it names (undefined for any other command). */
function servedPort(args: readonly string[]): string | undefined {
  if (args[0] !== "sim" || args[1] !== "serve") return undefined;
  return args[args.indexOf("--port") + 1] ?? "0";
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe.each(readmes)(
  "the CLI examples in $name run offline as written",
  { timeout: 240_000 },
  ({ commands }) => {
    let project: string;
    const servers: SimServeProcess[] = [];

    beforeAll(async () => {
      // A checkout's layout: `examples/` beside the cwd, where `.lathe/` gets written.
      project = await createProject("lathe-cli-readme-");
      await symlink(join(repoRoot, "examples"), join(project, "examples"));
    }, 120_000);
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await rm(project, { recursive: true, force: true });
    });

    it("has copy-paste examples, compile among them", () => {
      expect(commands.length).toBeGreaterThan(0);
      expect(commands.map((command) => command.args[0])).toContain("compile");
    });

    // In order: later examples read what earlier ones wrote, and use the servers they started.
    it("every example exits 0, quietly on stderr, and writes the files it names", async () => {
      // A served example runs on a free port (a fixed one may be taken); later URLs follow it.
      const origins = new Map<string, string>();
      for (const command of commands) {
        const port = servedPort(command.args);
        if (port !== undefined) {
          const at = command.args.indexOf("--port");
          const flags = command.args
            .slice(2)
            .filter((_, index) => at < 0 || (index !== at - 2 && index !== at - 1));
          const server = await serveSim(project, flags);
          servers.push(server);
          origins.set(`http://127.0.0.1:${port}`, new URL(server.url).origin);
          continue;
        }
        const args = command.args.map((arg) =>
          [...origins].reduce((text, [written, actual]) => text.replaceAll(written, actual), arg),
        );
        const run = await lathe(project, args);
        expect({ command: command.text, code: run.code, stderr: run.stderr }).toEqual({
          command: command.text,
          code: 0,
          stderr: "",
        });
        expect(run.stdout.trim(), command.text).not.toBe("");
        for (const [index, arg] of args.entries()) {
          const written = args[index + 1];
          if (WRITES.includes(arg) && written !== undefined) {
            expect(existsSync(join(project, written)), `${command.text} should write ${written}`).toBe(true);
          }
        }
      }
      for (const server of servers.splice(0)) expect((await server.stop()).code).toBe(0);
    });
  },
);

describe("README command extraction", () => {
  const section = [
    "## CLI",
    "```sh",
    "pnpm lathe compile a.ts#b \\",
    '  --input \'{"x": "y z"}\' --name "two \\"words\\""  # a comment',
    "pnpm test",
    "lathe diff a.json b.json",
    "```",
    "```ts",
    "lathe ignored in a TypeScript block",
    "```",
    "## Next",
    "```sh",
    "pnpm lathe not-in-the-section",
    "```",
  ].join("\n");

  it("joins continuation lines, honours quotes, drops comments and keeps only the section's lathe commands", () => {
    expect(latheCommands(markdownSection(section, "CLI")).map((command) => command.args)).toEqual([
      ["compile", "a.ts#b", "--input", '{"x": "y z"}', "--name", 'two "words"'],
      ["diff", "a.json", "b.json"],
    ]);
  });

  it("refuses what needs a real shell instead of running it differently", () => {
    expect(() => latheCommands("```sh\nlathe eval --data $DATA\n```\n")).toThrow(/needs a real shell/);
  });
});
