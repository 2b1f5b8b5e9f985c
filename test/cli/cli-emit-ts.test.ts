import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe, typeCheck } from "./support/cli-project.js";

// Each would run code or break the module if it were pasted into the source unescaped.
const HOSTILE = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile demo on purpose
  "back`tick` and ${(globalThis.__latheInjected = 'template')} and `${`nested`}`",
  "close */ globalThis.__latheInjected = 'comment'; /* and \"double\" 'single' quotes",
  "new\nline\r\nand\ttab, \\ backslash, \\u0041 and \\x41",
  "line\u2028separator, paragraph\u2029separator, </script><script>globalThis.__latheInjected = 'html'</script>",
];
const INSTRUCTIONS = `Route each ticket.\n${HOSTILE.join("\n")}`;
const FIELDS = "ticket: string -> queue: enum(billing|technical|account), urgent: boolean";

const program = (fields: string) => `import { Predict, signature } from "@lathe/core";
export const triage = new Predict(signature(${JSON.stringify(fields)}, ${JSON.stringify(INSTRUCTIONS)}));
`;

const ROWS = HOSTILE.map((ticket, index) => ({
  ticket,
  queue: ["billing", "technical", "account"][index % 3],
  urgent: index % 2 === 0,
}));

interface ReadBack {
  artifact: unknown;
  instructions: string;
  demos: Array<{ ticket: string }>;
  injected: unknown;
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe compile --emit-ts (child processes, offline)", { timeout: 120_000 }, () => {
  let project: string;

  beforeAll(async () => {
    project = await createProject("lathe-cli-emit-");
    await writeFile(join(project, "triage.ts"), program(FIELDS));
    await writeFile(join(project, "hostile.jsonl"), ROWS.map((row) => JSON.stringify(row)).join("\n"));
    const compiled = await lathe(project, [
      "compile",
      "triage.ts#triage",
      "--train",
      "hostile.jsonl",
      "--metric",
      "exact:queue,urgent",
      "--optimizer",
      "labeled",
      "--opt",
      `k=${ROWS.length}`,
      "--lm",
      "sim/small",
      "--no-cache",
      "--out",
      "out/triage.json",
      "--emit-ts",
      "src/triage.compiled.ts",
    ]);
    expect(compiled.code, compiled.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("writes hostile demos and instructions as inert literals: the module type-checks and reads back the artifact", async () => {
    expect(await typeCheck(project, ["src/triage.compiled.ts"])).toBe("");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const m = await import("./src/triage.compiled.ts");
         console.log(JSON.stringify({ artifact: m.artifact, instructions: m.program.instructions,
           demos: m.program.demos, injected: globalThis.__latheInjected ?? null }));`,
      ],
      { cwd: project },
    );
    const readBack = JSON.parse(stdout) as ReadBack;
    expect(readBack.injected).toBeNull();
    expect(readBack.artifact).toEqual(
      JSON.parse(await readFile(join(project, "out", "triage.json"), "utf8")),
    );
    expect(readBack.instructions).toBe(INSTRUCTIONS);
    expect(readBack.demos.map((demo) => demo.ticket).sort()).toEqual([...HOSTILE].sort());
  });

  it("a later change to the program's signature makes tsc fail on the emitted module", async () => {
    // Copies of the module next to drifted programs: `../triage.js` now resolves to them.
    const drift = async (name: string, fields: string) => {
      await mkdir(join(project, name, "src"), { recursive: true });
      await writeFile(join(project, name, "triage.ts"), program(fields));
      await copyFile(
        join(project, "src", "triage.compiled.ts"),
        join(project, name, "src", "triage.compiled.ts"),
      );
      return `${name}/src/triage.compiled.ts`;
    };
    const renamed = await drift("renamed", FIELDS.replace("urgent", "priority"));
    const retyped = await drift("retyped", FIELDS.replace("urgent: boolean", "urgent: string"));
    const output = await typeCheck(project, [renamed, retyped]);
    expect(output).toMatch(/renamed\/src\/triage\.compiled\.ts.*does not satisfy the constraint 'true'/);
    expect(output).toMatch(/retyped\/src\/triage\.compiled\.ts.*not assignable to type 'string'/);
  });
});
