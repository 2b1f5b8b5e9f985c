import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatAdapter, JsonAdapter, type PromptAdapter, signature } from "../src/index.js";

const adapters: Array<[string, PromptAdapter]> = [
  ["ChatAdapter", new ChatAdapter()],
  ["JsonAdapter", new JsonAdapter()],
];

const Everything = signature("question: string -> answer: string")
  .output("score", z.number())
  .output("count", z.number().int())
  .output("flag", z.boolean())
  .output("label", z.enum(["alpha", "beta", "gamma delta"]))
  .output("items", z.array(z.string()))
  .output("numbers", z.array(z.number()))
  .output("note", z.string().optional());

/** Fragments that steer random text into every branch of the parsers. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "[[ ## answer ## ]]",
    "[[ ## score ## ]]",
    "[[ ## completed ## ]]",
    "[[ ##",
    "## ]]",
    "```",
    "```json\n",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "\\",
    ",",
    ":",
    "\n",
    "answer:",
    "Score: ",
    "- ",
    "1.",
    "True",
    "None",
    "null",
    "$1,000",
    "1e+400",
    "-",
    "yes",
  ),
  fc.json(),
);
const completion = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(""));

describe.each(adapters)("%s.safeParse never throws", (_name, adapter) => {
  it("for random and adversarial completions", () => {
    const signatures = [
      Everything,
      signature("q -> answer"),
      signature("q -> n: int"),
      signature("q -> a, b: boolean[]"),
    ];
    fc.assert(
      fc.property(completion, fc.constantFrom(...signatures), (text, sig) => {
        const result = adapter.safeParse(sig, text);
        expect(typeof result.success).toBe("boolean");
        if (!result.success) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Strings the formats can carry faithfully: text values are written raw and read back trimmed,
 * so values are trimmed, hold no field markers, and are not wrapped in quotes.
 */
const text = fc
  .array(
    fc.constantFrom(
      ..."abc XYZ019.,;:!?-_()'\"`/\\\n\té{}[]".split(""),
      "```",
      "```json\n",
      "{}",
      "[[",
      "##",
    ),
    {
      maxLength: 20,
    },
  )
  .map((parts) => parts.join("").trim())
  .filter((value) => !/^".*"$/s.test(value) && !/\[\[.*\]\]/s.test(value));

const outputs = fc.record(
  {
    answer: text,
    score: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
    count: fc.integer(),
    flag: fc.boolean(),
    label: fc.constantFrom("alpha", "beta", "gamma delta"),
    items: fc.array(text, { maxLength: 4 }),
    numbers: fc.array(
      fc.integer({ min: -1e6, max: 1e6 }).map((value) => value / 100),
      { maxLength: 4 },
    ),
    note: text,
  },
  { requiredKeys: ["answer", "score", "count", "flag", "label", "items", "numbers"] },
);

describe.each(adapters)("%s: demo outputs parse back to the same values", (_name, adapter) => {
  it("for random field values", () => {
    fc.assert(
      fc.property(outputs, (values) => {
        const messages = adapter.format(Everything, {
          demos: [{ question: "q", ...values }],
          inputs: { question: "q" },
        });
        const reply = messages[2]!;
        expect(reply.role).toBe("assistant");
        expect(adapter.safeParse(Everything, reply.content)).toEqual({ success: true, data: values });
      }),
      { numRuns: 300 },
    );
  });
});
