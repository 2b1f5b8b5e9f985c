import { spawn } from "node:child_process";
import { join } from "node:path";
import {
  type AnySignature,
  ChatAdapter,
  type GenerateResult,
  JsonAdapter,
  MockLanguageModel,
  OutputParseError,
  outputObjectSchema,
  Predict,
  type PromptAdapter,
  withSettings,
} from "@lathe/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileCompletion, hostileSignatures, isPlainData, prototypeSnapshot } from "./support/hostile.js";
import { runs, soak } from "./support/soak.js";

const adapters: Array<[string, PromptAdapter]> = [
  ["ChatAdapter", new ChatAdapter()],
  ["JsonAdapter", new JsonAdapter()],
];

/** A parse result is either validated, plain, typed output or a non-empty error message. */
function expectTypedResult(candidate: AnySignature, result: ReturnType<PromptAdapter["safeParse"]>): void {
  if (!result.success) {
    expect(typeof result.error).toBe("string");
    expect(result.error.length).toBeGreaterThan(0);
    return;
  }
  expect(outputObjectSchema(candidate).safeParse(result.data).success).toBe(true);
  expect(isPlainData(result.data)).toBe(true);
  const names = candidate.outputFields.map((field) => field.name);
  expect(Object.keys(result.data).every((key) => names.includes(key))).toBe(true);
}

describe("hostile completions", () => {
  let prototypes: string;
  beforeAll(() => {
    prototypes = prototypeSnapshot();
  });
  afterAll(() => {
    // Nothing a completion said reached a built-in prototype.
    expect(prototypeSnapshot()).toBe(prototypes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe.each(adapters)("%s.safeParse", (_name, adapter) => {
    it("returns a valid typed output or a typed error for random and adversarial completions", () => {
      fc.assert(
        fc.property(hostileCompletion, fc.constantFrom(...hostileSignatures), (completion, candidate) => {
          expectTypedResult(candidate, adapter.safeParse(candidate, completion));
        }),
        { numRuns: runs(2_000) },
      );
    });

    it("never reads a field named after an Object member from the prototype", () => {
      const [, , , members, more] = hostileSignatures as [
        AnySignature,
        AnySignature,
        AnySignature,
        AnySignature,
        AnySignature,
      ];
      for (const completion of [
        "{}",
        '{"other": 1}',
        "nothing",
        "[[ ## other ## ]]\nx",
        '{"__proto__": {"constructor": "x"}}',
      ]) {
        for (const candidate of [members, more]) {
          const result = adapter.safeParse(candidate, completion);
          expect(result.success, completion).toBe(false);
        }
      }
      expect(adapter.safeParse(members, '{"constructor": "c", "toString": 2}')).toEqual({
        success: true,
        data: { constructor: "c", toString: 2 },
      });
    });

    it("keeps prototype-pollution payloads as data", () => {
      const candidate = hostileSignatures[2]!;
      const payloads = [
        '{"meeting": {"title": "t", "attendees": [], "__proto__": {"polluted": true}}, "counts": {"__proto__": 1, "a": 2}}',
        '{"meeting": {"title": "t", "attendees": ["__proto__"]}, "counts": {"constructor": 3, "prototype": 4}}',
        "[[ ## meeting ## ]]\n{'title': 't', 'attendees': [], '__proto__': {'polluted': True}}\n[[ ## counts ## ]]\n{\"a\": 1}",
      ];
      for (const payload of payloads) {
        const result = adapter.safeParse(candidate, payload);
        expectTypedResult(candidate, result);
        expect(result.success, payload).toBe(true);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it("Predict resolves to typed outputs or rejects with OutputParseError, whatever the model says", async () => {
    const finishReason = fc.constantFrom(
      "stop" as const,
      "length" as const,
      "content_filter" as const,
      "other" as const,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(hostileCompletion, finishReason), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...hostileSignatures),
        fc.constantFrom(...adapters.map(([, adapter]) => adapter)),
        async (replies, candidate, adapter) => {
          const responses = replies.map(
            ([text, reason]): GenerateResult => ({
              choices: [{ text, finishReason: reason }],
              usage: { promptTokens: 1, completionTokens: 1 },
            }),
          );
          const lm = new MockLanguageModel({ responses });
          const program = new Predict(candidate);
          const inputs = Object.fromEntries(candidate.inputFields.map((field) => [field.name, "input"]));
          try {
            const outputs = await withSettings({ lm, adapter }, () => program.call(inputs as never));
            expect(outputObjectSchema(candidate).safeParse(outputs).success).toBe(true);
            expect(isPlainData(outputs)).toBe(true);
          } catch (error) {
            expect(OutputParseError.isInstance(error), String(error)).toBe(true);
            expect(lm.calls.length).toBeLessThanOrEqual(3);
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("parses megabyte-sized floods, deep nesting and unclosed fences in linear time (a child process with a generous limit)", async () => {
    const size = soak.hugeCompletionBytes;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures", "huge-completions.ts"), String(size)],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    // Quadratic parsing took 43 s for 64 KB of blank lines and four times that for 128 KB, so a
    // minute is a generous bound for a linear parser and a certain failure for a quadratic one.
    const limit = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(limit);
    expect(code, `the parse child did not finish: ${stderr}`).toBe(0);
    const report = JSON.parse(stdout) as { size: number; timings: Record<string, number> };
    expect(Object.keys(report.timings).length).toBeGreaterThan(10);
    if (process.env.FIGURES) console.log(`[figures] huge completions: ${stdout.trim()}`);
  }, 90_000);
});
