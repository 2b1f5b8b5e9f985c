import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ChatMessage, JsonAdapter, signature, strictOutputSchema } from "../src/index.js";

const adapter = new JsonAdapter();

const Triage = signature("Route a support ticket.")
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean())
  .output("confidence", z.number(), "between 0 and 1")
  .output("tags", z.array(z.string()))
  .output("note", z.string().optional());

const capabilities = { structuredOutputs: true, multipleChoices: true, seed: true };

function transcript(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `=== ${message.role}\n${message.content}`).join("\n");
}

describe("JsonAdapter.format", () => {
  it("writes the system message, demos as JSON replies, and the query", () => {
    const messages = adapter.format(Triage, {
      demos: [
        { ticket: "I was charged twice", queue: "billing", urgent: true, confidence: 0.9, tags: ["refund"] },
        { ticket: "skipped: no outputs" },
        { ticket: "The app crashes", queue: "technical", note: "partial demo" },
      ],
      inputs: { ticket: "I cannot log in" },
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
      Your output fields are:
      1. \`queue\` (one of: "billing", "technical", "account")
      2. \`urgent\` (boolean)
      3. \`confidence\` (number): between 0 and 1
      4. \`tags\` (list of string)
      5. \`note\` (string, optional)

      Reply with one JSON object with exactly these keys: "queue", "urgent", "confidence", "tags", "note".
      === user
      [[ ## ticket ## ]]
      I was charged twice
      === assistant
      {"queue":"billing","urgent":true,"confidence":0.9,"tags":["refund"]}
      === user
      [[ ## ticket ## ]]
      The app crashes
      === assistant
      {"queue":"technical","note":"partial demo"}
      === user
      [[ ## ticket ## ]]
      I cannot log in

      Respond with the output fields \`queue\`, \`urgent\`, \`confidence\`, \`tags\`, \`note\`.
      Reply with one JSON object, nothing else."
    `);
  });

  it("uses default instructions when the signature has none", () => {
    const [system] = adapter.format(signature("question -> answer, score: number"), {
      demos: [],
      inputs: { question: "q" },
    });
    expect(system!.content).toMatchInlineSnapshot(`
      "Given the fields \`question\`, produce the fields \`answer\`, \`score\`.

      Your input fields are:
      1. \`question\` (string)
      Your output fields are:
      1. \`answer\` (string)
      2. \`score\` (number)

      Reply with one JSON object with exactly these keys: "answer", "score"."
    `);
  });

  it("builds the retry message from the error", () => {
    expect(adapter.retryMessage(Triage, "the reply contains no JSON object").content).toBe(
      "Your previous reply could not be used: the reply contains no JSON object.\n\nRespond with the output fields `queue`, `urgent`, `confidence`, `tags`, `note`.\nReply with one JSON object, nothing else.",
    );
  });
});

describe("JsonAdapter.responseFormat", () => {
  it("asks for a strict JSON schema only when the LM has structured outputs", () => {
    expect(adapter.responseFormat(Triage, { ...capabilities, structuredOutputs: false })).toBeUndefined();
    expect(adapter.responseFormat(Triage, capabilities)).toEqual({
      type: "json_schema",
      name: "outputs",
      schema: strictOutputSchema(Triage),
      strict: true,
    });
  });

  it("makes every property required, optional ones nullable, and forbids extra keys", () => {
    expect(strictOutputSchema(Triage)).toMatchInlineSnapshot(`
      {
        "additionalProperties": false,
        "properties": {
          "confidence": {
            "type": "number",
          },
          "note": {
            "anyOf": [
              {
                "type": "string",
              },
              {
                "type": "null",
              },
            ],
          },
          "queue": {
            "enum": [
              "billing",
              "technical",
              "account",
            ],
            "type": "string",
          },
          "tags": {
            "items": {
              "type": "string",
            },
            "type": "array",
          },
          "urgent": {
            "type": "boolean",
          },
        },
        "required": [
          "queue",
          "urgent",
          "confidence",
          "tags",
          "note",
        ],
        "type": "object",
      }
    `);
  });

  it("applies the strict rules to nested objects as well", () => {
    const Nested = signature("text -> answer")
      .output("person", z.object({ name: z.string(), age: z.number().optional() }))
      .output("items", z.array(z.object({ id: z.string() })));
    const schema = strictOutputSchema(Nested) as {
      properties: Record<string, { required?: string[]; additionalProperties?: boolean; items?: unknown }>;
    };
    expect(schema.properties.person).toMatchObject({
      required: ["name", "age"],
      additionalProperties: false,
    });
    expect(schema.properties.items!.items).toMatchObject({ required: ["id"], additionalProperties: false });
  });
});
