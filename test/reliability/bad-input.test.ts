import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createSimModel,
  MissingApiKeyError,
  MissingBaseURLError,
  resolveModel,
  UnknownModelError,
} from "@lathe/adapters";
import {
  DatasetError,
  type Example,
  evaluate,
  LatheError,
  loadJsonl,
  type MetricResult,
  Predict,
  parseJsonl,
  signature,
} from "@lathe/core";
import { compile, LabeledFewShot } from "@lathe/optimizers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "./support/soak.js";
import { exactMatch, Triage, triageSplits } from "./support/triage.js";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

const QA = signature("question: string, hops: int -> answer: string, note?: string");

describe("bad datasets", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "lathe-bad-input-"));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  type Line =
    | { kind: "row"; value: Record<string, unknown> }
    | { kind: "blank"; text: string }
    | { kind: "bad"; text: string };
  const row = fc.record(
    { question: fc.string(), hops: fc.integer(), answer: fc.string(), note: fc.string(), id: fc.nat() },
    { requiredKeys: ["question", "hops", "answer"] },
  );
  const line: fc.Arbitrary<Line> = fc.oneof(
    { weight: 8, arbitrary: row.map((value): Line => ({ kind: "row", value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", "   ", "\t", "\r").map((text): Line => ({ kind: "blank", text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "{",
            '{"question": "q",}',
            "[1]",
            "null",
            '"row"',
            "42",
            "{'a': 1}",
            "NaN",
            "\u0000",
            '{"a": 1} {"b": 2}',
          ),
          fc
            .string({ unit: "binary", maxLength: 20 })
            // A line break would split the bad text into two lines, moving the first bad line.
            .filter((text) => !/[\r\n]/.test(text) && !isObjectJson(text) && text.trim() !== ""),
        )
        .map((text): Line => ({ kind: "bad", text })),
    },
  );

  it("reads every well-formed row, or names the first bad line: nothing is silently lost", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, crlf) => {
        const text = lines
          .map((entry) => (entry.kind === "row" ? JSON.stringify(entry.value) : entry.text))
          .join(crlf ? "\r\n" : "\n");
        const firstBad = lines.findIndex((entry) => entry.kind === "bad");
        const rows = lines.flatMap((entry) => (entry.kind === "row" ? [entry.value] : []));
        let result: Example[];
        try {
          result = parseJsonl(text, { signature: QA, source: "train.jsonl" });
        } catch (error) {
          expect(DatasetError.isInstance(error), String(error)).toBe(true);
          const datasetError = error as DatasetError;
          if (firstBad >= 0) {
            expect(datasetError.line).toBe(firstBad + 1);
            expect(datasetError.message.startsWith(`train.jsonl:${firstBad + 1}: `)).toBe(true);
          } else {
            expect(rows).toHaveLength(0);
            expect(datasetError.message).toMatch(/empty/);
          }
          return;
        }
        expect(firstBad).toBe(-1);
        expect(result).toEqual(rows);
      }),
      { numRuns: runs(1_000) },
    );
  });

  it("names the line and the field of a missing or mistyped value, including fields named like Object members", () => {
    const rows = [
      '{"question": "q", "hops": 1, "answer": "a"}',
      '{"question": "q", "hops": "two", "answer": "a"}',
    ];
    const mistyped = thrown(() => parseJsonl(rows.join("\n"), { signature: QA })) as DatasetError;
    expect(mistyped.message).toMatch(/^<jsonl>:2: field 'hops' /);
    const missing = thrown(() =>
      parseJsonl('{"question": "q", "answer": "a"}', { signature: QA }),
    ) as DatasetError;
    expect(missing.message).toBe("<jsonl>:1: missing field 'hops'");
    const Members = signature("constructor: string, toString: string -> valueOf: string");
    const member = thrown(() =>
      parseJsonl('{"toString": "t", "valueOf": "v"}', { signature: Members }),
    ) as DatasetError;
    expect(member.message).toBe("<jsonl>:1: missing field 'constructor'");
    const required = thrown(() =>
      parseJsonl('{"a": 1}', { requiredFields: ["hasOwnProperty"] }),
    ) as DatasetError;
    expect(required.message).toBe("<jsonl>:1: missing field 'hasOwnProperty'");
  });

  it("reads files with a byte-order mark and CRLF endings; names unreadable and empty files", async () => {
    const path = join(directory, "train.jsonl");
    await writeFile(
      path,
      '\uFEFF{"question": "q", "hops": 1, "answer": "a"}\r\n\r\n{"question": "r", "hops": 2, "answer": "b"}\r\n',
    );
    expect(await loadJsonl(path, { signature: QA })).toEqual([
      { question: "q", hops: 1, answer: "a" },
      { question: "r", hops: 2, answer: "b" },
    ]);
    for (const content of ["", "\n\n  \n"]) {
      await writeFile(path, content);
      await expect(loadJsonl(path)).rejects.toThrow(/train\.jsonl: the dataset is empty/);
    }
    await expect(loadJsonl(join(directory, "missing.jsonl"))).rejects.toThrow(
      /missing\.jsonl: cannot read the file/,
    );
    await mkdir(join(directory, "folder.jsonl"));
    await expect(loadJsonl(join(directory, "folder.jsonl"))).rejects.toSatisfy(DatasetError.isInstance);
  });

  it("refuses empty train and validation sets with a clear error", async () => {
    const options = {
      optimizer: new LabeledFewShot(),
      metric: exactMatch,
      lm: createSimModel("small"),
      cache: false as const,
    };
    await expect(compile(new Predict(Triage), { ...options, trainset: [] })).rejects.toThrow(
      /trainset is empty/,
    );
    const { trainset } = triageSplits({ train: 4, val: 0 });
    await expect(compile(new Predict(Triage), { ...options, trainset, valset: [] })).rejects.toThrow(
      /valset is empty/,
    );
    const empty = await evaluate(new Predict(Triage), [], exactMatch, {
      settings: { lm: createSimModel("small") },
    });
    expect(empty).toMatchObject({ count: 0, mean: 0, errors: 0 });
  });
});

describe("bad metrics", () => {
  const { trainset, valset } = triageSplits({ train: 8, val: 24 }, 6);
  const lm = createSimModel("small");
  const badResults: Array<[string, () => MetricResult | Promise<MetricResult>]> = [
    [
      "throws",
      () => {
        throw new Error("metric exploded");
      },
    ],
    ["rejects", () => Promise.reject(new TypeError("async metric exploded"))],
    ["NaN", () => Number.NaN],
    ["Infinity", () => Number.POSITIVE_INFINITY],
    ["undefined", () => undefined as unknown as number],
    ["a string", () => "1" as unknown as number],
    ["{ score: NaN }", () => ({ score: Number.NaN })],
  ];

  it.each(badResults)(
    "a metric that %s for some examples scores them 0, counts them, and scores the rest",
    async (_name, bad) => {
      const failing = new Set([1, 5, 6, 17]);
      const metric = (example: Example, prediction: Record<string, unknown>) =>
        failing.has(valset.indexOf(example)) ? bad() : exactMatch(example, prediction);
      const result = await evaluate(new Predict(Triage), valset, metric, {
        concurrency: 4,
        settings: { lm },
      });
      const clean = await evaluate(new Predict(Triage), valset, exactMatch, {
        concurrency: 4,
        settings: { lm },
      });
      expect(result.count).toBe(valset.length);
      expect(result.errors).toBe(failing.size);
      expect(result.results.map((entry) => entry.index)).toEqual(valset.map((_, index) => index));
      for (const [index, entry] of result.results.entries()) {
        if (failing.has(index)) {
          expect(entry.score).toBe(0);
          expect(entry.error).toBeTruthy();
          expect(entry.prediction).toEqual(clean.results[index]!.prediction);
        } else {
          expect(entry.score).toBe(clean.results[index]!.score);
        }
      }
      expect(Number.isFinite(result.mean)).toBe(true);
    },
  );

  it("a compile whose metric throws for some examples finishes, counting them as zeros", async () => {
    const flaky = (example: Example, prediction: Record<string, unknown>) => {
      if (String(example.id).endsWith("3")) throw new Error("flaky metric");
      return exactMatch(example, prediction);
    };
    const { artifact } = await compile(new Predict(Triage), {
      optimizer: new LabeledFewShot({ k: 4 }),
      trainset,
      valset,
      metric: flaky,
      lm,
      cache: false,
    });
    expect(artifact.compile.final.count).toBe(valset.length);
    expect(artifact.compile.baseline.count).toBe(valset.length);
  });
});

describe("bad model strings", () => {
  it("name the string and what would work", () => {
    const cases: Array<[string, RegExp]> = [
      ["gpt-4o", /"gpt-4o" is not a model string.*one of: .*openai/],
      ["nope/model", /Unknown model provider in "nope\/model".*ollama/],
      ["/model", /"\/model" is not a model string/],
      ["openai/", /"openai\/" is not a model string/],
      ["sim/huge", /Unknown sim model "huge".*small, medium, large/],
    ];
    for (const [modelString, message] of cases) {
      const error = thrown(() => resolveModel(modelString));
      expect(LatheError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
    expect(UnknownModelError.isInstance(thrown(() => resolveModel("nope/model")))).toBe(true);
    expect(MissingBaseURLError.isInstance(thrown(() => resolveModel("openai-compatible/my-model")))).toBe(
      true,
    );
  });

  it("an OpenAI model without a key says which variable to set", () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const error = thrown(() => resolveModel("openai/gpt-4o-mini"));
      expect(MissingApiKeyError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });
});

function isObjectJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false; // not JSON at all: a bad line
  }
}
