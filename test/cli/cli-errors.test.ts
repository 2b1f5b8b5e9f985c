import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, createProject, lathe } from "./support/cli-project.js";

const PROGRAM = `import { Module, Predict, signature } from "@lathe/core";
export const qa = new Predict(signature("question: string -> answer: string", "Answer."));
export const renamed = new Predict(signature("question: string -> reply: string", "Answer."));
export const notAProgram = 42;
export class Broken extends Module {
  constructor() {
    super();
    Object.defineProperty(this, "boom", { enumerable: true, get() { throw new Error("kaboom in a getter"); } });
  }
  async forward() { return {}; }
}
`;

const ROWS = [
  { question: "2+2?", answer: "4" },
  { question: "capital of France?", answer: "Paris" },
];

/** A user error: a non-zero exit and exactly one line on stderr, no stack trace. */
function expectOneLine(run: CliRun, code: number, message: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^lathe: error: /);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  // Commander adds a usage hint after a misused flag; Lathe's own errors are a single line.
  if (code !== 2) expect(lines).toHaveLength(1);
}

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("lathe CLI errors: one line that says what to do, non-zero exit, no stack trace", {
  timeout: 120_000,
}, () => {
  let project: string;
  const compile = (...args: string[]) =>
    lathe(project, [
      "compile",
      "qa.ts#qa",
      "--train",
      "train.jsonl",
      "--metric",
      "exact:answer",
      "--lm",
      "sim/small",
      "--out",
      "out.json",
      ...args,
    ]);

  beforeAll(async () => {
    project = await createProject("lathe-cli-errors-");
    await writeFile(join(project, "qa.ts"), PROGRAM);
    await writeFile(join(project, "train.jsonl"), ROWS.map((row) => JSON.stringify(row)).join("\n"));
    await writeFile(
      join(project, "broken.jsonl"),
      `${JSON.stringify(ROWS[0])}\n\n{"question": "no closing brace"\n`,
    );
    await writeFile(
      join(project, "unlabeled.jsonl"),
      `${JSON.stringify(ROWS[0])}\n{"question": "where is the answer?"}\n`,
    );
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it.concurrent("a model string without a provider", async () => {
    expectOneLine(
      await compile("--lm", "gpt4"),
      1,
      /"gpt4" is not a model string; write <provider>\/<model> with one of: .*openai.*sim/,
    );
  });

  it.concurrent("an unknown provider", async () => {
    expectOneLine(
      await compile("--lm", "acme/model-1"),
      1,
      /Unknown model provider in "acme\/model-1"; write <provider>\/<model>/,
    );
  });

  it.concurrent("a missing API key", async () => {
    const run = await lathe(
      project,
      [
        "compile",
        "qa.ts#qa",
        "--train",
        "train.jsonl",
        "--metric",
        "exact:answer",
        "--lm",
        "openai/gpt-4o-mini",
        "--out",
        "out.json",
      ],
      // Unset, with a base URL nothing listens on: a network attempt would fail differently.
      { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" },
    );
    expectOneLine(
      run,
      1,
      /no API key for openai\/gpt-4o-mini: export OPENAI_API_KEY=\.\.\. \(or try the offline model sim\/small\)/,
    );
  });

  it.concurrent("a missing API key in eval too, while --dry-run needs no key", async () => {
    const env = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" };
    expectOneLine(
      await lathe(
        project,
        [
          "eval",
          "qa.ts#qa",
          "--data",
          "train.jsonl",
          "--metric",
          "exact:answer",
          "--lm",
          "openai/gpt-4o-mini",
        ],
        env,
      ),
      1,
      /no API key for openai\/gpt-4o-mini: export OPENAI_API_KEY=/,
    );
    const dry = await lathe(
      project,
      [
        "compile",
        "qa.ts#qa",
        "--train",
        "train.jsonl",
        "--metric",
        "exact:answer",
        "--lm",
        "openai/gpt-4o-mini",
        "--dry-run",
        "--json",
      ],
      env,
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, model: "openai/gpt-4o-mini" });
  });

  it.concurrent("eval against a model that cannot be reached stops at --max-errors (exit 1)", async () => {
    const run = await lathe(project, [
      ..."eval qa.ts#qa --data train.jsonl --metric exact:answer".split(" "),
      // Port 9 (discard): nothing listens on loopback, so every call is a connection error.
      ...["--lm", "openai-compatible/m", "--base-url", "http://127.0.0.1:9/v1"],
      ...["--no-cache", "--concurrency", "1", "--max-errors", "0"],
    ]);
    expectOneLine(
      run,
      1,
      /evaluation stopped after 1 failed examples \(maxErrors is 0\); first error: .*could not be reached.*; fix that cause .* or pass --max-errors <n>/,
    );
    expect(run.stdout).not.toContain("score");
  });

  it.concurrent("a data file or metric file that does not exist", async () => {
    expectOneLine(await compile("--train", "nope.jsonl"), 1, /nope\.jsonl: cannot read the file \(ENOENT/);
    expectOneLine(
      await compile("--metric", "metrics.ts#score"),
      1,
      /cannot find the metric file .*metrics\.ts; check the path/,
    );
  });

  it.concurrent("a malformed JSONL row, by file and line number", async () => {
    expectOneLine(await compile("--train", "broken.jsonl"), 1, /broken\.jsonl:3: not valid JSON/);
  });

  it.concurrent("a row missing a field the metric needs", async () => {
    expectOneLine(
      await compile("--train", "unlabeled.jsonl"),
      1,
      /unlabeled\.jsonl:2: missing field 'answer'/,
    );
  });

  it.concurrent("an unknown metric", async () => {
    expectOneLine(
      await compile("--metric", "accuracy"),
      1,
      /unknown metric 'accuracy'; use exact:<field>, f1:<field>, contains:<field>/,
    );
  });

  it.concurrent("a metric export that does not exist", async () => {
    expectOneLine(
      await compile("--metric", "qa.ts#accuracy"),
      1,
      /metric 'qa.ts#accuracy' not found: .*qa\.ts has no export 'accuracy'/,
    );
  });

  it.concurrent("a program export that does not exist, listing the exports", async () => {
    const run = await lathe(project, ["inspect", "qa.ts#qaa"]);
    expectOneLine(
      run,
      1,
      /qa\.ts has no export 'qaa'; did you mean 'qa'\? its exports are: Broken, notAProgram, qa, renamed/,
    );
  });

  it.concurrent("an export that is not a program", async () => {
    expectOneLine(
      await lathe(project, ["inspect", "qa.ts#notAProgram"]),
      1,
      /notAProgram is a number, not a program/,
    );
  });

  it.concurrent("a program file that does not exist", async () => {
    expectOneLine(
      await lathe(project, ["inspect", "nope.ts#qa"]),
      1,
      /cannot find the program file .*nope\.ts/,
    );
  });

  it.concurrent("an artifact whose program's signature changed, naming predictor and field", async () => {
    const compiled = await lathe(project, [
      "compile",
      "qa.ts#qa",
      "--train",
      "train.jsonl",
      "--metric",
      "exact:answer",
      "--lm",
      "sim/small",
      "--optimizer",
      "labeled",
      "--out",
      "drift.json",
    ]);
    expect(compiled.code, compiled.stderr).toBe(0);
    const run = await lathe(project, [
      "eval",
      "qa.ts#renamed",
      "--artifact",
      "drift.json",
      "--data",
      "train.jsonl",
      "--metric",
      "exact:reply",
    ]);
    expectOneLine(
      run,
      1,
      /output field 'answer' of predictor 'self' is no longer in the program \(the program has 'reply' instead: renamed\?\); recompile/,
    );
  });

  it.concurrent("an artifact edited after compiling", async () => {
    const compiled = await lathe(project, [
      "compile",
      "qa.ts#qa",
      "--train",
      "train.jsonl",
      "--metric",
      "exact:answer",
      "--lm",
      "sim/small",
      "--optimizer",
      "labeled",
      "--out",
      "tampered.json",
    ]);
    expect(compiled.code, compiled.stderr).toBe(0);
    const path = join(project, "tampered.json");
    await writeFile(
      path,
      (await readFile(path, "utf8")).replace(
        '"instructions": "Answer."',
        '"instructions": "Answer (edited)."',
      ),
    );
    expectOneLine(
      await lathe(project, ["inspect", "tampered.json"]),
      1,
      /content hash does not match its content: it was altered after compiling; recompile it/,
    );
  });

  it.concurrent("a malformed --signature, with the position", async () => {
    const run = await lathe(project, [
      "compile",
      "--signature",
      "question: strng -> answer",
      "--train",
      "train.jsonl",
      "--metric",
      "exact:answer",
      "--lm",
      "sim/small",
      "--out",
      "o.json",
    ]);
    expectOneLine(run, 2, /--signature 'question: strng -> answer': unknown type 'strng' .* at position 10/);
  });

  it.concurrent("an unknown optimizer and an unknown --opt key are usage errors (exit 2)", async () => {
    expectOneLine(
      await compile("--optimizer", "bootstrap,magic"),
      2,
      /unknown optimizer 'magic'; use one of labeled, bootstrap, random, mipro/,
    );
    expectOneLine(
      await compile("--opt", "maxBootstrapedDemos=2"),
      2,
      /unknown option 'maxBootstrapedDemos'.*did you mean 'maxBootstrappedDemos'/,
    );
  });

  it.concurrent("a malformed --opt and a value the optimizer rejects (exit 2)", async () => {
    expectOneLine(
      await compile("--opt", "auto"),
      2,
      /--opt 'auto' is not key=value; e\.g\. --opt maxDemos=0/,
    );
    expectOneLine(
      await compile("--optimizer", "mipro", "--opt", "auto=extreme"),
      2,
      /--opt for mipro: auto must be "light", "medium" or "heavy", got "extreme"/,
    );
  });

  it.concurrent("a missing required flag or a bad number (exit 2)", async () => {
    expectOneLine(
      await lathe(project, ["compile", "qa.ts#qa", "--metric", "exact:answer", "--lm", "sim/small"]),
      2,
      /required option '--train <jsonl>' not specified/,
    );
    expectOneLine(
      await compile("--concurrency", "zero"),
      2,
      /option '--concurrency <n>' argument 'zero' is invalid\. expected a whole number >= 1/,
    );
  });

  it.concurrent("--json reports the error as JSON on stdout too", async () => {
    const run = await compile("--lm", "gpt4", "--json");
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      error: {
        name: "LatheUnknownModelError",
        message: expect.stringContaining('"gpt4" is not a model string'),
        exitCode: 1,
      },
    });
  });

  it.concurrent("an unexpected error prints its stack and a hint, with exit code 70", async () => {
    const run = await lathe(project, ["inspect", "qa.ts#Broken"]);
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/^lathe: unexpected error: kaboom in a getter\n/);
    expect(run.stderr).toMatch(/\n\s+at /);
    expect(run.stderr).toContain("This looks like a bug");
  });
});
