import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Artifact,
  ChainOfThought,
  type EvaluationResult,
  emptyTotals,
  MockLanguageModel,
  Module,
  Predict,
  type ProgramState,
  signature,
} from "@lathe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArtifact, emitModule, importSpecifier } from "../../src/index.js";
import { createTempProject, typeCheck } from "./support/temp-project.js";

const HOSTILE = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile demo on purpose
  "back`tick` and ${process.exit(1)} and `${`nested`}`",
  "close */ a comment /* and \"double\" 'single' quotes",
  "new\nline\r\nand\ttab and \\ backslash \\u0041",
  "line\u2028separator and paragraph\u2029separator",
  "</script><script>alert(1)</script><!-- comment -->",
  "\u0000 nul, \ud83d\ude00 emoji, lone \ud800 surrogate",
];

const QA_SOURCE = `import { ChainOfThought, Module, Predict, signature } from "@lathe/core";

export const QA = signature("question: string -> answer: string", "Answer the question.");
export const qa = new Predict(QA);

export class Pipeline extends Module<{ question: string }, { answer: string }> {
  readonly hops = [
    new Predict(signature("question: string -> query: string")),
    new Predict(signature("question: string, query: string -> refined: string")),
  ] as const;
  readonly answer = new ChainOfThought(signature("question: string, query: string -> answer: string"));

  async forward({ question }: { question: string }): Promise<{ answer: string }> {
    const first = await this.hops[0].call({ question });
    const second = await this.hops[1].call({ question, query: first.query });
    const { answer } = await this.answer.call({ question, query: second.refined });
    return { answer };
  }
}

export function makePipeline(): Pipeline {
  return new Pipeline();
}
`;

class Pipeline extends Module<{ question: string }, { answer: string }> {
  readonly hops = [
    new Predict(signature("question: string -> query: string")),
    new Predict(signature("question: string, query: string -> refined: string")),
  ];
  readonly answer = new ChainOfThought(signature("question: string, query: string -> answer: string"));
  async forward(): Promise<{ answer: string }> {
    return { answer: "" };
  }
}

function fakeEvaluation(mean: number): EvaluationResult {
  return {
    mean,
    ci: { low: mean - 0.1, high: mean + 0.1 },
    count: 10,
    scores: [],
    results: [],
    errors: 0,
    usage: { total: emptyTotals(), byRole: {}, byModel: {}, byPredictor: {} },
    durationMs: 1,
  };
}

function artifactFor(program: Module, state: ProgramState): Artifact {
  return buildArtifact({
    program,
    programName: program.constructor.name,
    state,
    lm: new MockLanguageModel({ responses: "", provider: "sim", modelId: "small" }),
    teacher: undefined,
    adapter: "chat",
    sampling: { temperature: 0 },
    optimizer: "labeled",
    config: { labeled: { k: 2, "weird key": HOSTILE[0], __proto__: "own" } },
    seed: 1,
    trainset: [],
    valset: [],
    metric: "exact:answer",
    baseline: fakeEvaluation(0.2),
    final: fakeEvaluation(0.8),
    usage: { total: emptyTotals(), byRole: {}, byModel: {}, byPredictor: {} },
    notes: HOSTILE,
    durationMs: 5,
  });
}

const hostileQa = (): Artifact =>
  artifactFor(new Predict(signature("question: string -> answer: string")), {
    self: {
      instructions: HOSTILE.join("\n"),
      demos: HOSTILE.map((text, index) => ({
        question: text,
        answer: HOSTILE[(index + 1) % HOSTILE.length]!,
      })),
    },
  });

describe("emitModule", () => {
  let directory: string;

  beforeAll(async () => {
    directory = await createTempProject();
    await writeFile(join(directory, "qa.ts"), QA_SOURCE);
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it("writes hostile demos and instructions as inert literals that type-check and read back equal", async () => {
    const artifact = hostileQa();
    const outFile = join(directory, "out", "qa.compiled.ts");
    await emitModule(artifact, {
      outFile,
      program: { kind: "export", file: join(directory, "qa.ts"), exportName: "qa", form: "instance" },
    });
    const source = await readFile(outFile, "utf8");
    expect(source).toContain('from "../qa.js"');
    expect(source).not.toContain("\u2028");
    expect(source).not.toContain("</script>");

    const checked = await typeCheck(directory, ["out/qa.compiled.ts"]);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);

    const emitted = await import(pathToFileURL(outFile).href);
    expect(emitted.artifact).toEqual(artifact);
    expect(JSON.stringify(emitted.artifact)).toBe(JSON.stringify(artifact));
    expect(emitted.program.instructions).toBe(HOSTILE.join("\n"));
    expect(emitted.program.demos).toEqual(artifact.predictors.self!.demos);
    expect(emitted.default).toBe(emitted.program);
  });

  it("types the demos of every predictor of a multi-predictor class and a factory", async () => {
    const program = new Pipeline();
    const state: ProgramState = {
      "hops[0]": { instructions: "Write a query.", demos: [{ question: "q?", query: "q" }] },
      "hops[1]": { instructions: "Refine it.", demos: [{ question: "q?", query: "q", refined: "q2" }] },
      "answer.predict": {
        instructions: "Answer.",
        demos: [{ question: "q?", query: "q2", reasoning: "r", answer: "a" }],
      },
    };
    const artifact = artifactFor(program, state);
    for (const [form, exportName] of [
      ["class", "Pipeline"],
      ["factory", "makePipeline"],
    ] as const) {
      const outFile = join(directory, `pipeline.${form}.ts`);
      await emitModule(artifact, {
        outFile,
        program: { kind: "export", file: join(directory, "qa.ts"), exportName, form },
      });
      const source = await readFile(outFile, "utf8");
      expect(source).toContain('"answer.predict": ["answer", "predict"]');
      expect(source).toContain('"hops[1]": ["hops", 1]');
      const emitted = await import(pathToFileURL(outFile).href);
      expect(emitted.program.answer.predict.demos).toEqual(state["answer.predict"]!.demos);
    }
    const checked = await typeCheck(directory, ["pipeline.class.ts", "pipeline.factory.ts"]);
    expect(checked.output).toBe("");
  });

  it("emits a program compiled from a signature string without importing a program file", async () => {
    const artifact = artifactFor(new ChainOfThought(signature("question: string -> answer: string")), {
      predict: { instructions: "Think.", demos: [{ question: "2+2?", reasoning: "adds", answer: "4" }] },
    });
    const outFile = join(directory, "signature.compiled.ts");
    await emitModule(artifact, {
      outFile,
      program: { kind: "signature", shorthand: "question: string -> answer: string", chainOfThought: true },
    });
    expect(await readFile(outFile, "utf8")).toContain(
      'new ChainOfThought(signature("question: string -> answer: string"))',
    );
    expect((await typeCheck(directory, ["signature.compiled.ts"])).output).toBe("");
    const emitted = await import(pathToFileURL(outFile).href);
    expect(emitted.program.predict.demos).toEqual(artifact.predictors.predict!.demos);
  });

  describe("signature drift fails tsc", () => {
    const emitFor = async (name: string, programSource: string) => {
      await writeFile(join(directory, `${name}.ts`), programSource);
      const outFile = join(directory, `${name}.compiled.ts`);
      await emitModule(hostileQa(), {
        outFile,
        program: { kind: "export", file: join(directory, `${name}.ts`), exportName: "qa", form: "instance" },
      });
      return typeCheck(directory, [`${name}.compiled.ts`]);
    };

    it("a renamed output field", async () => {
      const result = await emitFor(
        "renamed",
        QA_SOURCE.replace('"question: string -> answer: string"', '"question: string -> response: string"'),
      );
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("renamed.compiled.ts");
      expect(result.output).toMatch(/'answer' does not exist|not assignable to type 'true'/);
    });

    it("a new input field, even with no demo using it", async () => {
      const result = await emitFor(
        "added",
        QA_SOURCE.replace(
          '"question: string -> answer: string"',
          '"question: string, context: string -> answer: string"',
        ),
      );
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("does not satisfy the constraint 'true'");
    });

    it("a changed field type", async () => {
      const result = await emitFor(
        "retyped",
        QA_SOURCE.replace('"question: string -> answer: string"', '"question: string -> answer: number"'),
      );
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/not assignable to type 'number'/);
    });

    it("while the unchanged program type-checks", async () => {
      expect((await emitFor("unchanged", QA_SOURCE)).code).toBe(0);
    });
  });
});

describe("importSpecifier", () => {
  it("is relative to the emitted file with a .js extension", () => {
    expect(importSpecifier("/p/src/out/a.compiled.ts", "/p/src/program.ts")).toBe("../program.js");
    expect(importSpecifier("/p/src/a.compiled.ts", "/p/src/program.ts")).toBe("./program.js");
    expect(importSpecifier("/p/a.ts", "/p/lib/x.mts")).toBe("./lib/x.mjs");
  });

  it("refuses a path with a line break", () => {
    expect(() => importSpecifier("/p/a.ts", "/p/b\n.ts")).toThrow(/control character/);
  });
});
