import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldDescription, Signature, signature } from "../src/index.js";

const Triage = signature("Route a support ticket.")
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean());

describe("Signature: builder form", () => {
  it("keeps instructions and ordered fields with their descriptions", () => {
    expect(Triage.instructions).toBe("Route a support ticket.");
    expect(Triage.inputFields.map((field) => field.name)).toEqual(["ticket"]);
    expect(Triage.outputFields.map((field) => field.name)).toEqual(["queue", "urgent"]);
    expect(Triage.fieldNames()).toEqual(["ticket", "queue", "urgent"]);
    expect(fieldDescription(Triage.inputFields[0]!)).toBe("the customer's message");
    const described = signature("")
      .input("a", z.string().describe("from zod"), "explicit")
      .output("b", z.string());
    expect(fieldDescription(described.inputFields[0]!)).toBe("explicit");
  });

  it("rejects duplicate and non-identifier field names", () => {
    expect(() => Triage.output("ticket", z.string())).toThrow(
      "field 'ticket' is declared twice in the signature",
    );
    expect(() => Triage.input("the ticket", z.string())).toThrow(/invalid field name "the ticket"/);
    expect(() => Triage.output("1st", z.string())).toThrow(TypeError);
  });
});

describe("Signature: immutable edits", () => {
  const snapshot = (sig: Signature) => ({
    instructions: sig.instructions,
    inputs: sig.inputFields.map((field) => [field.name, fieldDescription(field)]),
    outputs: sig.outputFields.map((field) => [field.name, fieldDescription(field)]),
  });

  it("withInstructions returns a new signature and leaves the original", () => {
    const before = snapshot(Triage);
    const edited = Triage.withInstructions("Route it fast.");
    expect(edited).not.toBe(Triage);
    expect(edited.instructions).toBe("Route it fast.");
    expect(edited.fieldNames()).toEqual(Triage.fieldNames());
    expect(snapshot(Triage)).toEqual(before);
  });

  it("prepend and append place fields by role and leave the original", () => {
    const before = snapshot(Triage);
    const edited = Triage.prepend("output", "reasoning", z.string(), "think first")
      .append("input", "history", z.array(z.string()))
      .prepend("input", "customer", z.string())
      .append("output", "summary", z.string());
    expect(edited.inputFields.map((field) => field.name)).toEqual(["customer", "ticket", "history"]);
    expect(edited.outputFields.map((field) => field.name)).toEqual([
      "reasoning",
      "queue",
      "urgent",
      "summary",
    ]);
    expect(fieldDescription(edited.outputFields[0]!)).toBe("think first");
    expect(snapshot(Triage)).toEqual(before);
    expect(() => Triage.prepend("input", "queue", z.string())).toThrow(/declared twice/);
  });

  it("withFieldDescription changes one field's description only, on a copy", () => {
    const before = snapshot(Triage);
    const edited = Triage.withFieldDescription("queue", "the team that handles it");
    expect(snapshot(edited)).toEqual({
      ...before,
      outputs: [
        ["queue", "the team that handles it"],
        ["urgent", undefined],
      ],
    });
    expect(snapshot(Triage)).toEqual(before);
    expect(edited.withFieldDescription("ticket", "new").inputFields[0]!.description).toBe("new");
  });

  it("withFieldDescription rejects an unknown field, naming the known ones", () => {
    expect(() => Triage.withFieldDescription("nope" as "queue", "x")).toThrow(
      "the signature has no field 'nope'; its fields are ticket, queue, urgent",
    );
  });

  it("the field arrays handed out cannot change the signature", () => {
    const fields = Triage.fields as unknown[];
    fields.pop();
    expect(Triage.fieldNames()).toEqual(["ticket", "queue", "urgent"]);
  });
});

describe("Signature: fingerprint", () => {
  it("is a 64-character hex hash, stable for equal structure built twice", () => {
    const again = signature("Other words.")
      .input("ticket", z.string())
      .output("queue", z.enum(["billing", "technical", "account"]))
      .output("urgent", z.boolean());
    expect(Triage.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(again.fingerprint).toBe(Triage.fingerprint);
    expect(signature("q: string -> a: int").fingerprint).toBe(signature("q: string -> a: int").fingerprint);
  });

  it("is the same for the builder and the shorthand where they are equivalent", () => {
    const built = signature("")
      .input("question", z.string())
      .input("context", z.array(z.string()))
      .output("answer", z.string())
      .output("confidence", z.number())
      .output("label", z.enum(["a", "b"]))
      .output("count", z.number().int())
      .output("note", z.string().optional());
    const short = signature(
      "question: string, context: string[] -> answer: string, confidence: number, label: enum(a|b), count: int, note?: string",
    );
    expect(short.fingerprint).toBe(built.fingerprint);
  });

  it("ignores instructions and descriptions", () => {
    expect(Triage.withInstructions("Something else entirely.").fingerprint).toBe(Triage.fingerprint);
    expect(Triage.withFieldDescription("urgent", "is it on fire").fingerprint).toBe(Triage.fingerprint);
    const described = signature("")
      .input("ticket", z.string().describe("another description"))
      .output("queue", z.enum(["billing", "technical", "account"]), "where")
      .output("urgent", z.boolean().describe("hurry"));
    expect(described.fingerprint).toBe(Triage.fingerprint);
  });

  it("changes with a field's name, order, role, type or optionality", () => {
    const base = signature("a: string, b: int -> c: string, d: boolean");
    const variants = [
      signature("a: string, x: int -> c: string, d: boolean"), // name
      signature("b: int, a: string -> c: string, d: boolean"), // input order
      signature("a: string, b: int -> d: boolean, c: string"), // output order
      signature("a: string -> b: int, c: string, d: boolean"), // role
      signature("a: string, b: number -> c: string, d: boolean"), // type
      signature("a: string, b: int[] -> c: string, d: boolean"), // list
      signature("a: string, b: int -> c: enum(x|y), d: boolean"), // enum
      signature("a: string, b: int -> c: string, d?: boolean"), // optional
      signature("a: string, b: int -> c: string, d: boolean, e: string"), // added field
    ];
    const fingerprints = new Set(variants.map((variant) => variant.fingerprint));
    expect(fingerprints.size).toBe(variants.length);
    expect(fingerprints.has(base.fingerprint)).toBe(false);
    expect(signature("t -> l: enum(x|y)").fingerprint).not.toBe(signature("t -> l: enum(y|x)").fingerprint);
  });

  it("is the same fingerprint after a round of edits that restores the structure", () => {
    const withReasoning = Triage.prepend("output", "reasoning", z.string());
    expect(withReasoning.fingerprint).not.toBe(Triage.fingerprint);
    const rebuilt = signature("")
      .input("ticket", z.string())
      .output("reasoning", z.string())
      .output("queue", z.enum(["billing", "technical", "account"]))
      .output("urgent", z.boolean());
    expect(rebuilt.fingerprint).toBe(withReasoning.fingerprint);
  });
});

describe("Signature: construction", () => {
  it("can be built directly from fields", () => {
    const sig = new Signature(
      "Do it.",
      [{ name: "x", schema: z.string() }],
      [{ name: "y", schema: z.number() }],
    );
    expect(sig.fingerprint).toBe(signature("x: string -> y: number").fingerprint);
    expect(
      () => new Signature("", [{ name: "x", schema: z.string() }], [{ name: "x", schema: z.string() }]),
    ).toThrow(/declared twice/);
  });
});
