import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, loadJsonl, parseJsonl, signature } from "../src/index.js";

const QA = signature("question: string, hops: int -> answer: string, note?: string");

function datasetError(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (error) {
    if (DatasetError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a DatasetError");
}

describe("parseJsonl", () => {
  it("reads one object per line, keeping extra fields and skipping blank lines", () => {
    const text =
      '{"question": "q1", "hops": 1, "answer": "a1", "id": 7, "meta": {"split": "train"}}\n\n   \n{"question": "q2", "hops": 2, "answer": "a2", "note": "n"}\r\n';
    expect(parseJsonl(text, { signature: QA })).toEqual([
      { question: "q1", hops: 1, answer: "a1", id: 7, meta: { split: "train" } },
      { question: "q2", hops: 2, answer: "a2", note: "n" },
    ]);
  });

  it("accepts any field name, including text, date and input", () => {
    const sig = signature("text, date, input -> output");
    expect(
      parseJsonl('{"text": "t", "date": "2024-01-01", "input": "i", "output": "o"}', { signature: sig }),
    ).toEqual([{ text: "t", date: "2024-01-01", input: "i", output: "o" }]);
  });

  it("names the line of malformed JSON", () => {
    const error = datasetError(() =>
      parseJsonl('{"question": "q"}\n\n{"question": "q2",}\n', { source: "train.jsonl" }),
    );
    expect(error.line).toBe(3);
    expect(error.source).toBe("train.jsonl");
    expect(error.message).toMatch(/^train\.jsonl:3: not valid JSON \(/);
  });

  it.each([
    ["an array", "[1, 2]"],
    ["a string", '"text"'],
    ["a number", "42"],
    ["null", "null"],
  ])("rejects a row that is %s", (_label, row) => {
    const error = datasetError(() => parseJsonl(`{"a": 1}\n${row}`));
    expect(error.message).toBe("<jsonl>:2: each line must be a JSON object");
    expect(error.line).toBe(2);
  });

  it("names a missing signature field and its line", () => {
    const error = datasetError(() =>
      parseJsonl('{"question": "q", "hops": 1, "answer": "a"}\n{"question": "q", "answer": "a"}', {
        signature: QA,
      }),
    );
    expect(error.message).toBe("<jsonl>:2: missing field 'hops'");
  });

  it("names a field of the wrong type and its line", () => {
    const error = datasetError(() =>
      parseJsonl('{"question": "q", "hops": 1.5, "answer": "a"}', { signature: QA }),
    );
    expect(error.message).toBe("<jsonl>:1: field 'hops' Invalid input: expected int, received number");
    const wrongType = datasetError(() =>
      parseJsonl('{"question": 3, "hops": 1, "answer": "a"}', { signature: QA }),
    );
    expect(wrongType.message).toBe(
      "<jsonl>:1: field 'question' Invalid input: expected string, received number",
    );
  });

  it("leaves optional signature fields optional, but checks them when present", () => {
    expect(() => parseJsonl('{"question": "q", "hops": 1, "answer": "a"}', { signature: QA })).not.toThrow();
    expect(
      datasetError(() =>
        parseJsonl('{"question": "q", "hops": 1, "answer": "a", "note": 1}', { signature: QA }),
      ).message,
    ).toBe("<jsonl>:1: field 'note' Invalid input: expected string, received number");
  });

  it("checks required fields by name", () => {
    const error = datasetError(() => parseJsonl('{"a": 1}\n{"b": 2}', { requiredFields: ["a"] }));
    expect(error.message).toBe("<jsonl>:2: missing field 'a'");
  });

  it("rejects an empty dataset", () => {
    for (const text of ["", "\n\n", "   \n"]) {
      const error = datasetError(() => parseJsonl(text, { source: "empty.jsonl" }));
      expect(error.message).toBe("empty.jsonl: the dataset is empty; add one JSON object per line");
      expect(error.line).toBeUndefined();
    }
  });
});

describe("loadJsonl", () => {
  it("reads a file and names it in errors", async () => {
    const directory = await (async () => mkdtemp(join(tmpdir(), "lathe-jsonl-")))();
    try {
      const path = join(directory, "train.jsonl");
      await writeFile(path, '{"question": "q", "hops": 1, "answer": "a"}\n{"question": "q"}\n');
      await expect(loadJsonl(path)).resolves.toHaveLength(2);
      await expect(loadJsonl(path, { signature: QA })).rejects.toThrow(`${path}:2: missing field 'hops'`);
      await expect(loadJsonl(join(directory, "missing.jsonl"))).rejects.toThrow(
        /missing\.jsonl: cannot read the file \(ENOENT/,
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
