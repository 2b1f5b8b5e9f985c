import { describe, expect, it } from "vitest";
import { parseShorthand, SignatureSyntaxError, signature } from "../src/index.js";

/** The SignatureSyntaxError thrown by parsing `source`. */
function syntaxError(source: string): SignatureSyntaxError {
  try {
    parseShorthand(source);
  } catch (error) {
    if (SignatureSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

function accepts(schema: { safeParse(value: unknown): { success: boolean } }, value: unknown): boolean {
  return schema.safeParse(value).success;
}

describe("parseShorthand: fields and types", () => {
  it("splits inputs from outputs in declaration order", () => {
    const parsed = parseShorthand(
      "question: string, context: string[] -> answer: string, confidence: number",
    );
    expect(parsed.inputs.map((field) => field.name)).toEqual(["question", "context"]);
    expect(parsed.outputs.map((field) => field.name)).toEqual(["answer", "confidence"]);
  });

  it("defaults a field without a type to string", () => {
    const { inputs, outputs } = parseShorthand("question -> answer");
    expect(accepts(inputs[0]!.schema, "text")).toBe(true);
    expect(accepts(inputs[0]!.schema, 3)).toBe(false);
    expect(accepts(outputs[0]!.schema, "text")).toBe(true);
    expect(accepts(outputs[0]!.schema, undefined)).toBe(false);
  });

  it.each([
    ["string", "x", 1],
    ["str", "x", true],
    ["number", 1.5, "1.5"],
    ["float", -2.25, "x"],
    ["int", 3, 3.5],
    ["integer", -7, 0.1],
    ["boolean", false, "false"],
    ["bool", true, 1],
  ])("reads the type %s (accepts %j, rejects %j)", (type, good, bad) => {
    const [field] = parseShorthand(`value: ${type} -> out`).inputs;
    expect(accepts(field!.schema, good)).toBe(true);
    expect(accepts(field!.schema, bad)).toBe(false);
  });

  it("reads enum(a|b|c) as exactly those values", () => {
    const [field] = parseShorthand("text -> label: enum(positive|negative|neutral)").outputs;
    expect(["positive", "negative", "neutral"].map((value) => accepts(field!.schema, value))).toEqual([
      true,
      true,
      true,
    ]);
    expect(accepts(field!.schema, "Positive")).toBe(false);
    expect(accepts(field!.schema, "other")).toBe(false);
  });

  it("reads lists of any type, nested lists included", () => {
    const { inputs } = parseShorthand("a: string[], b: int[], c: enum(x|y)[], d: number[][] -> out");
    const [a, b, c, d] = inputs.map((field) => field.schema);
    expect(accepts(a!, ["x", "y"])).toBe(true);
    expect(accepts(a!, "x")).toBe(false);
    expect(accepts(a!, [1])).toBe(false);
    expect(accepts(b!, [1, 2])).toBe(true);
    expect(accepts(b!, [1.5])).toBe(false);
    expect(accepts(c!, ["x", "y", "x"])).toBe(true);
    expect(accepts(c!, ["z"])).toBe(false);
    expect(accepts(d!, [[1], [2, 3]])).toBe(true);
    expect(accepts(d!, [1])).toBe(false);
  });

  it("makes `name?: type` optional under the bare name", () => {
    const { outputs } = parseShorthand("q -> answer: string, note?: string, tags?: string[], flag?");
    expect(outputs.map((field) => field.name)).toEqual(["answer", "note", "tags", "flag"]);
    const [answer, note, tags, flag] = outputs.map((field) => field.schema);
    expect(accepts(answer!, undefined)).toBe(false);
    expect(accepts(note!, undefined)).toBe(true);
    expect(accepts(note!, "x")).toBe(true);
    expect(accepts(note!, 1)).toBe(false);
    expect(accepts(tags!, undefined)).toBe(true);
    expect(accepts(tags!, ["a"])).toBe(true);
    expect(accepts(flag!, "text")).toBe(true);
    expect(accepts(flag!, undefined)).toBe(true);
  });

  it("tolerates whitespace, tabs and newlines anywhere between tokens", () => {
    const parsed = parseShorthand(
      "\n  question :  string ,\tcontext:string []->answer:int,  label : enum( a | b ) , note ? : str \n",
    );
    expect(parsed.inputs.map((field) => field.name)).toEqual(["question", "context"]);
    expect(parsed.outputs.map((field) => field.name)).toEqual(["answer", "label", "note"]);
    expect(accepts(parsed.inputs[1]!.schema, ["x"])).toBe(true);
    expect(accepts(parsed.outputs[0]!.schema, 1.5)).toBe(false);
    expect(accepts(parsed.outputs[1]!.schema, "a")).toBe(true);
    expect(accepts(parsed.outputs[1]!.schema, " a ")).toBe(false);
    expect(accepts(parsed.outputs[2]!.schema, undefined)).toBe(true);
  });

  it("allows a signature without inputs", () => {
    const parsed = parseShorthand("-> poem: string");
    expect(parsed.inputs).toEqual([]);
    expect(parsed.outputs.map((field) => field.name)).toEqual(["poem"]);
  });

  it("accepts every field name that is an identifier, including common words", () => {
    const parsed = parseShorthand("text, date, input, _private, x1 -> output, type, enum");
    expect(parsed.inputs.map((field) => field.name)).toEqual(["text", "date", "input", "_private", "x1"]);
    expect(parsed.outputs.map((field) => field.name)).toEqual(["output", "type", "enum"]);
  });

  it("is what signature() uses for strings containing ->, with optional instructions", () => {
    const QA = signature("question: string -> answer: int", "Answer with a number.");
    expect(QA.instructions).toBe("Answer with a number.");
    expect(QA.fieldNames()).toEqual(["question", "answer"]);
    expect(signature("question -> answer").instructions).toBe("");
    expect(signature("Just instructions.").fields).toEqual([]);
    expect(signature("Just instructions.").instructions).toBe("Just instructions.");
  });
});

describe("parseShorthand: errors with positions", () => {
  it("requires an arrow", () => {
    const error = syntaxError("question: string");
    expect(error.position).toBe(16);
    expect(error.source).toBe("question: string");
    expect(error.name).toBe("LatheSignatureSyntaxError");
    expect(error.message).toBe(
      "expected '->' between inputs and outputs at position 16 of the signature:\nquestion: string\n                ^",
    );
  });

  it("allows only one arrow, pointing at the second", () => {
    const error = syntaxError("a -> b -> c");
    expect(error.position).toBe(7);
    expect(error.message).toMatch(/^only one '->' is allowed at position 7/);
  });

  it("rejects an empty field name", () => {
    const error = syntaxError("a, : int -> b");
    expect(error.position).toBe(3);
    expect(error.message).toMatch(/^expected a field name at position 3/);
    expect(syntaxError("a, -> b").position).toBe(3);
    expect(syntaxError("a -> b,").message).toMatch(/^expected a field name at position 7/);
  });

  it("rejects a name that is not an identifier", () => {
    const error = syntaxError("a, 1st: string -> b");
    expect(error.position).toBe(3);
    expect(error.message).toMatch(
      /^invalid field name '1st' \(use letters, digits and underscores\) at position 3/,
    );
    expect(syntaxError("a -> the answer").message).toMatch(/^invalid field name 'the answer'/);
    expect(syntaxError("a-b -> c").position).toBe(0);
  });

  it("rejects an unknown type, pointing at the type", () => {
    const error = syntaxError("a: strin -> b");
    expect(error.position).toBe(3);
    expect(error.message).toBe(
      "unknown type 'strin' (use string, number, int, boolean, enum(a|b), or add [] for a list) at position 3 of the signature:\na: strin -> b\n   ^",
    );
    expect(syntaxError("a -> b:  list[str]").position).toBe(9);
    expect(syntaxError("a -> b: ").message).toMatch(/^expected a type after ':' at position 8/);
  });

  it("rejects an empty enum value, pointing at it", () => {
    const middle = syntaxError("a -> b: enum(x||y)");
    expect(middle.message).toMatch(/^enum values must not be empty at position 15/);
    expect(middle.position).toBe(15);
    expect(syntaxError("a -> b: enum(|y)").position).toBe(13);
    expect(syntaxError("a -> b: enum(x| )").position).toBe(15);
    expect(syntaxError("a -> b: enum()").position).toBe(13);
  });

  it("rejects a duplicate field, pointing at the second declaration", () => {
    const error = syntaxError("a, b -> a");
    expect(error.position).toBe(8);
    expect(error.message).toMatch(/^duplicate field 'a' at position 8/);
    // `b` first appears inside `ab`; the caret must still land on the duplicate.
    expect(syntaxError("ab, b, b -> c").position).toBe(7);
    expect(syntaxError("q -> answer, note?, note").position).toBe(20);
  });

  it("requires at least one output", () => {
    const error = syntaxError("question ->");
    expect(error.position).toBe(11);
    expect(error.message).toMatch(/^expected at least one output field at position 11/);
    expect(syntaxError("question ->   ").position).toBe(11);
  });

  it("is thrown by signature() too, as a LatheError", () => {
    expect(() => signature("a -> b: float32")).toThrow(SignatureSyntaxError);
    expect(() => signature("a -> b: float32")).toThrow(/unknown type 'float32'/);
  });
});
