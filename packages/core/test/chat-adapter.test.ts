import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatAdapter, type ChatMessage, signature } from "../src/index.js";

const adapter = new ChatAdapter();

const Triage = signature("Route a support ticket.")
  .input("ticket", z.string().describe("the customer's message"))
  .input("history", z.array(z.string()).optional())
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean())
  .output("confidence", z.number(), "between 0 and 1")
  .output("tags", z.array(z.string()))
  .output("priority", z.number().int())
  .output("note", z.string().optional());

/** Messages as one readable string, for snapshots. */
function transcript(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `=== ${message.role}\n${message.content}`).join("\n");
}

describe("ChatAdapter.format", () => {
  it("writes the system message, demos as prior turns, and the query", () => {
    const messages = adapter.format(Triage, {
      demos: [
        {
          ticket: "I was charged twice",
          queue: "billing",
          urgent: true,
          confidence: 0.9,
          tags: ["refund", "card"],
          priority: 2,
        },
        { ticket: "Only an input, so it is skipped" },
        { queue: "account", urgent: false },
        { ticket: "The app crashes", history: ["opened yesterday"], queue: "technical" },
      ],
      inputs: { ticket: "I cannot log in", history: ["tried reset", "no email"] },
    });
    expect(messages.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(transcript(messages)).toMatchInlineSnapshot(`
      "=== system
      Route a support ticket.

      Your input fields are:
      1. \`ticket\` (string): the customer's message
      2. \`history\` (list of string, optional)
      Your output fields are:
      1. \`queue\` (one of: "billing", "technical", "account")
      2. \`urgent\` (boolean)
      3. \`confidence\` (number): between 0 and 1
      4. \`tags\` (list of string)
      5. \`priority\` (integer)
      6. \`note\` (string, optional)

      Structure every reply like this, filling in the values:

      [[ ## queue ## ]]
      {queue}

      [[ ## urgent ## ]]
      {urgent}

      [[ ## confidence ## ]]
      {confidence}

      [[ ## tags ## ]]
      {tags}

      [[ ## priority ## ]]
      {priority}

      [[ ## note ## ]]
      {note}

      [[ ## completed ## ]]
      === user
      [[ ## ticket ## ]]
      I was charged twice
      === assistant
      [[ ## queue ## ]]
      billing

      [[ ## urgent ## ]]
      true

      [[ ## confidence ## ]]
      0.9

      [[ ## tags ## ]]
      ["refund","card"]

      [[ ## priority ## ]]
      2

      [[ ## completed ## ]]
      === user
      [[ ## ticket ## ]]
      The app crashes

      [[ ## history ## ]]
      ["opened yesterday"]
      === assistant
      [[ ## queue ## ]]
      technical

      [[ ## completed ## ]]
      === user
      [[ ## ticket ## ]]
      I cannot log in

      [[ ## history ## ]]
      ["tried reset","no email"]

      Respond with the output fields \`queue\`, \`urgent\`, \`confidence\`, \`tags\`, \`priority\`, \`note\`.
      Write each value after its marker line, in that order, then end with [[ ## completed ## ]]."
    `);
  });

  it("uses default instructions naming the fields when the signature has none", () => {
    const messages = adapter.format(signature("question: string, context: string[] -> answer"), {
      demos: [],
      inputs: { question: "Why?", context: [] },
    });
    expect(transcript(messages)).toMatchInlineSnapshot(`
      "=== system
      Given the fields \`question\`, \`context\`, produce the fields \`answer\`.

      Your input fields are:
      1. \`question\` (string)
      2. \`context\` (list of string)
      Your output fields are:
      1. \`answer\` (string)

      Structure every reply like this, filling in the values:

      [[ ## answer ## ]]
      {answer}

      [[ ## completed ## ]]
      === user
      [[ ## question ## ]]
      Why?

      [[ ## context ## ]]
      []

      Respond with the output fields \`answer\`.
      Write each value after its marker line, in that order, then end with [[ ## completed ## ]]."
    `);
  });

  it("lets the given instructions override the signature's", () => {
    const [system] = adapter.format(Triage, {
      instructions: "  Tuned instructions.  ",
      demos: [],
      inputs: { ticket: "x" },
    });
    expect(system!.content.split("\n")[0]).toBe("Tuned instructions.");
    const [fallback] = adapter.format(Triage, { instructions: "   ", demos: [], inputs: { ticket: "x" } });
    expect(fallback!.content.split("\n")[0]).toBe(
      "Given the fields `ticket`, `history`, produce the fields `queue`, `urgent`, `confidence`, `tags`, `priority`, `note`.",
    );
  });

  it("writes non-string input values as compact JSON and skips absent ones", () => {
    const sig = signature("count: int, flags: boolean[], label?: string, meta: string -> out");
    const messages = adapter.format(sig, {
      demos: [],
      inputs: { count: 3, flags: [true, false], meta: "a\nb" },
    });
    expect(messages.at(-1)!.content).toBe(
      "[[ ## count ## ]]\n3\n\n[[ ## flags ## ]]\n[true,false]\n\n[[ ## meta ## ]]\na\nb\n\nRespond with the output fields `out`.\nWrite each value after its marker line, in that order, then end with [[ ## completed ## ]].",
    );
  });

  it("writes only the footer when there are no inputs", () => {
    const messages = adapter.format(signature("-> poem"), { demos: [], inputs: {} });
    expect(messages.at(-1)).toEqual({
      role: "user",
      content:
        "Respond with the output fields `poem`.\nWrite each value after its marker line, in that order, then end with [[ ## completed ## ]].",
    });
  });

  it("never asks for structured outputs", () => {
    expect(adapter.responseFormat()).toBeUndefined();
  });

  it("builds the retry message from the error and the footer", () => {
    expect(adapter.retryMessage(Triage, "missing output field `queue`")).toEqual({
      role: "user",
      content:
        "Your previous reply could not be used: missing output field `queue`.\n\nRespond with the output fields `queue`, `urgent`, `confidence`, `tags`, `priority`, `note`.\nWrite each value after its marker line, in that order, then end with [[ ## completed ## ]].",
    });
  });
});
