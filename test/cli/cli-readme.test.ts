import { existsSync } from "node:fs";
import { readFile, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe, repoRoot } from "./support/cli-project.js";
import { latheCommands, markdownSection } from "./support/readme-commands.js";

// Flags whose value is a file the command must have written.
const WRITES = ["--out", "--emit-ts"];

// Parsed from the README itself, so an example that drifts from the CLI fails here.
const readme = await readFile(join(repoRoot, "README.md"), "utf8");
const commands = latheCommands(markdownSection(readme, "CLI"));

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("the README's CLI examples run offline as written", { timeout: 120_000 }, () => {
  let project: string;

  beforeAll(async () => {
    // A checkout's layout: `examples/` beside the cwd, where `.lathe/` gets written.
    project = await createProject("lathe-cli-readme-");
    await symlink(join(repoRoot, "examples"), join(project, "examples"));
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("the CLI section has copy-paste examples", () => {
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.map((command) => command.args[0])).toContain("compile");
  });

  // In order: later examples read what earlier ones wrote.
  it("every example exits 0, quietly on stderr, and writes the files it names", async () => {
    for (const command of commands) {
      const run = await lathe(project, command.args);
      expect({ command: command.text, code: run.code, stderr: run.stderr }).toEqual({
        command: command.text,
        code: 0,
        stderr: "",
      });
      expect(run.stdout.trim(), command.text).not.toBe("");
      for (const [index, arg] of command.args.entries()) {
        const written = command.args[index + 1];
        if (WRITES.includes(arg) && written !== undefined) {
          expect(existsSync(join(project, written)), `${command.text} should write ${written}`).toBe(true);
        }
      }
    }
  });
});

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
