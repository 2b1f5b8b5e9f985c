import { describe, expect, it } from "vitest";
import {
  diffLines,
  formatDiff,
  parseProgramRef,
  signatureProgramName,
  signatureSpecFromName,
  UsageError,
} from "../src/index.js";

describe("diffLines", () => {
  it("keeps common lines and marks removed and added ones in order", () => {
    const lines = diffLines(
      "Answer the question.\nBe brief.\nCite sources.",
      "Answer the question.\nBe precise.\nCite sources.\nNever guess.",
    );
    expect(formatDiff(lines)).toEqual([
      "  Answer the question.",
      "- Be brief.",
      "+ Be precise.",
      "  Cite sources.",
      "+ Never guess.",
    ]);
  });

  it("handles empty texts and identical texts", () => {
    expect(diffLines("", "x")).toEqual([
      { kind: "removed", text: "" },
      { kind: "added", text: "x" },
    ]);
    expect(diffLines("a\nb", "a\nb").every((line) => line.kind === "same")).toBe(true);
  });
});

describe("parseProgramRef", () => {
  it("resolves the file against the working directory and defaults the export", () => {
    expect(parseProgramRef("src/qa.ts#qa", "/project")).toEqual({
      file: "/project/src/qa.ts",
      exportName: "qa",
      text: "src/qa.ts#qa",
    });
    expect(parseProgramRef("/abs/qa.ts", "/project")).toMatchObject({
      file: "/abs/qa.ts",
      exportName: "default",
    });
  });

  it("rejects a reference with no file or an empty export", () => {
    expect(() => parseProgramRef("#qa", "/p")).toThrow(UsageError);
    expect(() => parseProgramRef("qa.ts#", "/p")).toThrow(/names no export/);
  });
});

describe("signature program names", () => {
  it("round-trip through the artifact's program name", () => {
    const spec = { shorthand: "question: string, context: string[] -> answer: string", chainOfThought: true };
    expect(signatureProgramName(spec)).toBe(
      "ChainOfThought(question: string, context: string[] -> answer: string)",
    );
    expect(signatureSpecFromName(signatureProgramName(spec))).toEqual(spec);
    expect(signatureSpecFromName("Predict")).toBeUndefined();
    expect(signatureSpecFromName("QAProgram")).toBeUndefined();
  });
});
