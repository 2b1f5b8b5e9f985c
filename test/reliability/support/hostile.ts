import { type AnySignature, signature } from "@lathe/core";
import fc from "fast-check";
import { z } from "zod";

/** Signatures whose outputs cover every coercion path, plus fields named like Object's members. */
export const hostileSignatures: readonly AnySignature[] = [
  signature("question: string -> answer: string"),
  signature("q: string")
    .output("score", z.number())
    .output("count", z.number().int())
    .output("flag", z.boolean())
    .output("label", z.enum(["alpha", "beta", "gamma delta"]))
    .output("items", z.array(z.string()))
    .output("numbers", z.array(z.number()))
    .output("note", z.string().optional()),
  signature("q: string")
    .output("meeting", z.object({ title: z.string(), attendees: z.array(z.string()) }))
    .output("counts", z.record(z.string(), z.number())),
  signature("q: string").output("constructor", z.string()).output("toString", z.number()),
  signature("q: string").output("prototype", z.boolean()).output("valueOf", z.string().optional()),
];

const fieldNames = [
  ...new Set(hostileSignatures.flatMap((candidate) => candidate.outputFields.map((field) => field.name))),
];

/** Pieces an adversarial completion is assembled from. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...fieldNames.map((name) => `[[ ## ${name} ## ]]\n`),
      "[[ ## completed ## ]]",
      "[[ ##",
      "## ]]",
      "[[ # x # ]]",
      "```",
      "```json\n",
      "````",
      "{",
      "}",
      "[",
      "]",
      '"',
      "'",
      "`",
      "\\",
      "\\u00",
      ",",
      ":",
      "\n",
      "\r\n",
      "\u0000",
      "\uFEFF",
      "\u2028",
      "\u202E",
      "\uD800",
      "👩‍👩‍👧",
      "**answer**:",
      "Score: ",
      "- ",
      "1.",
      "True",
      "None",
      "null",
      "undefined",
      "NaN",
      "-0",
      "1e309",
      "-1e309",
      "1e-400",
      "0x1F",
      "$1,000.50",
      "Infinity",
      "__proto__",
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '"__proto__": {"score": 1}, ',
      "{'__proto__': {'polluted': True}}",
      "<|im_end|>",
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(
        fc.constantFrom(...fieldNames, "__proto__", "constructor", "prototype"),
        fc.jsonValue({ maxDepth: 3 }),
        {
          maxKeys: 5,
        },
      )
      .map((value) => JSON.stringify(value)),
  },
);

/** Deep nesting, balanced or not. */
const nesting: fc.Arbitrary<string> = fc
  .record({
    depth: fc.integer({ min: 1, max: 3_000 }),
    open: fc.constantFrom("[", '{"a":', '{"answer":', '{"meeting":', "```\n{"),
    close: fc.constantFrom("", "]", "}", '"x"}'),
    closed: fc.boolean(),
  })
  .map(({ depth, open, close, closed }) => open.repeat(depth) + (closed ? close.repeat(depth) : ""));

/** Random and adversarial completions: fragments, floods of a repeated fragment, deep nesting. */
export const hostileCompletion: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fragment },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fragment, fc.integer({ min: 2, max: 400 }))
          .map(([text, times]) => text.repeat(times)),
      },
      { weight: 1, arbitrary: nesting },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

/** Every object in `value` is plain: Object or Array prototype, no own `__proto__` key. */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function";
  if (depth > 100) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype) return false;
  if (Object.hasOwn(value, "__proto__")) return false;
  return Object.values(value).every((member) => isPlainData(member, depth + 1));
}

/** What the built-in prototypes look like, to show they were not polluted. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(","))
    .join("|");
}
