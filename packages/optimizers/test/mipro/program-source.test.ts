import { LatheError } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_CHARS, programSourceSnippet } from "../../src/mipro/program-source.js";

const code = `import { ChainOfThought, Module, Predict, signature } from "@lathe/core";

/** Drafts a hint. */
const Hint = signature("question: string -> hint: string", "Give a hint.");
const Answer = signature("question: string, hint: string -> answer: string");
const Unused = signature("a: string -> b: string");

function normalise(text: string): string {
  return text.trim();
}

class Hinter extends Module<{ question: string }, { hint: string }> {
  readonly predict = new Predict(Hint);
  override forward(inputs: { question: string }) {
    return this.predict.call(inputs);
  }
}

/** The program. */
export class TwoStep extends Module<{ question: string }, { answer: string }> {
  readonly hint = new Hinter();
  readonly answer = new ChainOfThought(Answer);

  override async forward({ question }: { question: string }) {
    const { hint } = await this.hint.call({ question: normalise(question) });
    return this.answer.call({ question, hint });
  }
}

export const somethingElse = 42;
`;

describe("programSourceSnippet (ts-morph)", () => {
  it("extracts the program class with its forward method and every top-level declaration it uses", async () => {
    const snippet = (await programSourceSnippet({ code }, "TwoStep"))!;
    expect(snippet).toContain("/** The program. */\nexport class TwoStep extends Module");
    expect(snippet).toContain("override async forward({ question }");
    // Used directly (Answer, normalise, Hinter) and through Hinter (Hint, with its comment).
    expect(snippet).toContain("/** Drafts a hint. */\nconst Hint = signature(");
    expect(snippet).toContain("const Answer = signature(");
    expect(snippet).toContain("function normalise(");
    expect(snippet).toContain("class Hinter extends Module");
    // Unused declarations and imports stay out; file order is kept.
    expect(snippet).not.toContain("Unused");
    expect(snippet).not.toContain("somethingElse");
    expect(snippet).not.toContain("import {");
    expect(snippet.indexOf("const Hint")).toBeLessThan(snippet.indexOf("class Hinter"));
    expect(snippet.indexOf("class Hinter")).toBeLessThan(snippet.indexOf("class TwoStep"));
  });

  it("falls back to the whole file when the class is not in it (e.g. a bare Predict)", async () => {
    expect(await programSourceSnippet({ code }, "Predict")).toBe(code.trim());
  });

  it("caps long sources", async () => {
    const long = `const text = "${"x".repeat(MAX_SOURCE_CHARS * 2)}";`;
    const snippet = (await programSourceSnippet({ code: long }, "Missing"))!;
    expect(snippet.length).toBeLessThan(MAX_SOURCE_CHARS + 50);
    expect(snippet).toMatch(/\(truncated\)$/);
  });

  it("returns nothing without a source, and names a path it cannot read", async () => {
    expect(await programSourceSnippet({}, "TwoStep")).toBeUndefined();
    const caught = await programSourceSnippet({ path: "/nowhere/program.ts" }, "TwoStep").catch(
      (error) => error,
    );
    expect(LatheError.isInstance(caught)).toBe(true);
    expect((caught as Error).name).toBe("LatheProgramSourceError");
    expect((caught as Error).message).toContain("/nowhere/program.ts");
  });
});
