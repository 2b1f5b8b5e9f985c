import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatAdapter, extractJsonObject, JsonAdapter, signature } from "../src/index.js";

const chat = new ChatAdapter();
const json = new JsonAdapter();

const Ticket = signature("Route a ticket.")
  .input("ticket", z.string())
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean())
  .output("amount", z.number())
  .output("tags", z.array(z.string()));

const expected = { queue: "billing", urgent: true, amount: 1200, tags: ["refund", "card"] };

const Single = signature("question -> answer");
const Count = signature("question -> count: int");

describe("ChatAdapter: recoverable completions", () => {
  const cases: Array<[string, string]> = [
    [
      "the exact format",
      '[[ ## queue ## ]]\nbilling\n\n[[ ## urgent ## ]]\ntrue\n\n[[ ## amount ## ]]\n1200\n\n[[ ## tags ## ]]\n["refund", "card"]\n\n[[ ## completed ## ]]',
    ],
    [
      "missing newlines after markers",
      '[[ ## queue ## ]] billing [[ ## urgent ## ]] true [[ ## amount ## ]] 1200 [[ ## tags ## ]] ["refund","card"] [[ ## completed ## ]]',
    ],
    [
      "chatter before and after, trailing text after completed",
      'Sure! Here is my answer.\n[[ ## queue ## ]]\nbilling\n[[ ## urgent ## ]]\ntrue\n[[ ## amount ## ]]\n1200\n[[ ## tags ## ]]\n["refund", "card"]\n[[ ## completed ## ]]\nLet me know if you need anything else. [[ ## queue ## ]] technical',
    ],
    [
      "a code fence around the whole reply",
      '```\n[[ ## queue ## ]]\nbilling\n\n[[ ## urgent ## ]]\ntrue\n\n[[ ## amount ## ]]\n1200\n\n[[ ## tags ## ]]\n["refund", "card"]\n\n[[ ## completed ## ]]\n```',
    ],
    [
      "sloppy markers: extra spaces, fewer hashes, upper case names",
      '[[## QUEUE ##]]\nbilling\n[[ #  urgent  # ]]\ntrue\n[[ ### amount ### ]]\n1200\n[[##tags##]]\n["refund", "card"]',
    ],
    [
      "numbers and booleans written as text",
      "[[ ## queue ## ]]\nbilling\n[[ ## urgent ## ]]\nYes.\n[[ ## amount ## ]]\n$1,200\n[[ ## tags ## ]]\nrefund, card",
    ],
    [
      "enum case differences and decoration",
      "[[ ## queue ## ]]\n**Billing.**\n[[ ## urgent ## ]]\nTRUE\n[[ ## amount ## ]]\nabout 1200 dollars\n[[ ## tags ## ]]\n- refund\n- card",
    ],
    [
      "a bullet list with numbers",
      "[[ ## queue ## ]]\nbilling\n[[ ## urgent ## ]]\ny\n[[ ## amount ## ]]\n1200.0\n[[ ## tags ## ]]\n1. refund\n2) card",
    ],
    [
      "`Queue:` labelled lines instead of markers",
      "Queue: billing\nUrgent: yes\nAmount: 1200\nTags: refund, card",
    ],
    ["bold labels", "**queue**: billing\n**urgent**: true\n**amount**: 1,200\n**tags**:\n* refund\n* card"],
    [
      "JSON instead of markers",
      '{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card"]}',
    ],
    [
      "Python-style JSON in a fence",
      "```python\n{'queue': 'Billing', 'urgent': True, 'amount': '1200', 'tags': ['refund', 'card'],}\n```",
    ],
    [
      "JSON values after markers",
      '[[ ## queue ## ]]\n"billing"\n[[ ## urgent ## ]]\n"true"\n[[ ## amount ## ]]\n"1200"\n[[ ## tags ## ]]\n[\'refund\', \'card\']',
    ],
  ];

  it.each(cases)("parses %s", (_label, completion) => {
    expect(chat.safeParse(Ticket, completion)).toEqual({ success: true, data: expected });
  });

  it("keeps the first occurrence of a repeated marker", () => {
    const completion = "[[ ## answer ## ]]\nParis\n[[ ## answer ## ]]\nLyon";
    expect(chat.safeParse(Single, completion)).toEqual({ success: true, data: { answer: "Paris" } });
  });

  it("takes the whole text as the value of a single output", () => {
    expect(chat.safeParse(Single, "  The capital is Paris.  ")).toEqual({
      success: true,
      data: { answer: "The capital is Paris." },
    });
    expect(chat.safeParse(Count, "```\n42\n```")).toEqual({ success: true, data: { count: 42 } });
    expect(chat.safeParse(Count, "There are 42.")).toEqual({ success: true, data: { count: 42 } });
  });

  it("keeps multi-line string values and drops unknown fields", () => {
    const completion =
      "[[ ## answer ## ]]\nline one\n\nline two\n[[ ## extra ## ]]\nignored\n[[ ## completed ## ]]";
    expect(chat.safeParse(Single, completion)).toEqual({
      success: true,
      data: { answer: "line one\n\nline two" },
    });
  });

  it("leaves optional outputs out when absent and accepts null for them", () => {
    const sig = signature("q -> answer, note?: string");
    expect(chat.safeParse(sig, "[[ ## answer ## ]]\nyes")).toEqual({
      success: true,
      data: { answer: "yes" },
    });
    expect(chat.safeParse(sig, '{"answer": "yes", "note": null}')).toEqual({
      success: true,
      data: { answer: "yes" },
    });
  });

  it("reads large and small numbers in exponent form", () => {
    const sig = signature("q -> a: number, b: number");
    expect(chat.safeParse(sig, "[[ ## a ## ]]\n1e+21\n[[ ## b ## ]]\n-2.5e-7")).toEqual({
      success: true,
      data: { a: 1e21, b: -2.5e-7 },
    });
  });
});

describe("ChatAdapter: unrecoverable completions", () => {
  it("names the missing fields", () => {
    expect(chat.safeParse(Ticket, "[[ ## queue ## ]]\nbilling\n[[ ## amount ## ]]\n3")).toEqual({
      success: false,
      error: "missing output fields `urgent`, `tags`",
    });
  });

  it("reports an invalid enum value with the allowed options", () => {
    const result = chat.safeParse(
      Ticket,
      "[[ ## queue ## ]]\nsales\n[[ ## urgent ## ]]\ntrue\n[[ ## amount ## ]]\n1\n[[ ## tags ## ]]\n[]",
    );
    expect(result).toEqual({
      success: false,
      error: 'field `queue`: Invalid option: expected one of "billing"|"technical"|"account"',
    });
  });

  it("reports values that cannot be read as the field's type", () => {
    const result = chat.safeParse(
      Ticket,
      "[[ ## queue ## ]]\nbilling\n[[ ## urgent ## ]]\nmaybe\n[[ ## amount ## ]]\n1 or 2\n[[ ## tags ## ]]\n[]",
    );
    expect(result).toEqual({
      success: false,
      error:
        "field `urgent`: Invalid input: expected boolean, received string; field `amount`: Invalid input: expected number, received string",
    });
  });

  it("says that no field markers were found in plain chatter", () => {
    expect(chat.safeParse(Ticket, "I am not sure how to route this one, sorry.")).toEqual({
      success: false,
      error: "the reply contains no field markers",
    });
    expect(chat.safeParse(Count, "no idea")).toEqual({
      success: false,
      error: "the reply contains no field markers",
    });
    expect(chat.safeParse(Ticket, "")).toEqual({
      success: false,
      error: "the reply contains no field markers",
    });
  });

  it("rejects a non-integer for an int field", () => {
    expect(chat.safeParse(Count, "[[ ## count ## ]]\n2.5")).toEqual({
      success: false,
      error: "field `count`: Invalid input: expected int, received number",
    });
  });
});

describe("JsonAdapter: recoverable completions", () => {
  const cases: Array<[string, string]> = [
    ["strict JSON", '{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card"]}'],
    [
      "a ```json code fence",
      '```json\n{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card"]}\n```',
    ],
    [
      "chatter before and after",
      'Here you go:\n{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card"]}\nHope this helps! {not json}',
    ],
    ["trailing commas", '{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card",],}'],
    ["single quotes", "{'queue': 'billing', 'urgent': true, 'amount': 1200, 'tags': ['refund', 'card']}"],
    [
      "Python True/None literals",
      "{'queue': 'billing', 'urgent': True, 'amount': 1200, 'tags': ['refund', 'card'], 'extra': None}",
    ],
    ["bare keys", '{queue: "billing", urgent: true, amount: 1200, tags: ["refund", "card"]}'],
    [
      "numbers and booleans as strings",
      '{"queue": "billing", "urgent": "Yes", "amount": "$1,200", "tags": ["refund", "card"]}',
    ],
    [
      "enum case differences",
      '{"queue": "Billing", "urgent": true, "amount": 1200.0, "tags": ["refund", "card"]}',
    ],
    [
      "a list written as one string",
      '{"queue": "billing", "urgent": 1, "amount": 1200, "tags": "refund, card"}',
    ],
    [
      "a bullet list in a string",
      '{"queue": "billing", "urgent": true, "amount": "1200", "tags": "- refund\\n- card"}',
    ],
    [
      "keys in another case",
      '{"Queue": "billing", "URGENT": true, "Amount": 1200, "Tags": ["refund", "card"]}',
    ],
    [
      "field markers instead of JSON",
      '[[ ## queue ## ]]\nbilling\n[[ ## urgent ## ]]\ntrue\n[[ ## amount ## ]]\n1200\n[[ ## tags ## ]]\n["refund", "card"]\n[[ ## completed ## ]]',
    ],
    ["labelled lines", "Queue: billing\nUrgent: true\nAmount: 1200\nTags: refund, card"],
    [
      "braces inside strings",
      '{"queue": "billing", "urgent": true, "amount": 1200, "tags": ["refund", "card"], "why": "a } brace and a { brace"}',
    ],
  ];

  it.each(cases)("parses %s", (_label, completion) => {
    expect(json.safeParse(Ticket, completion)).toEqual({ success: true, data: expected });
  });

  it("does not mistake a code fence inside a string value for the reply's fence", () => {
    const sig = signature("task -> code, language");
    const code = "Use this:\n```js\nconst a = { b: 1 };\n```\nDone.";
    expect(json.safeParse(sig, JSON.stringify({ code, language: "js" }))).toEqual({
      success: true,
      data: { code, language: "js" },
    });
    const fenced = `\`\`\`json\n${JSON.stringify({ code, language: "js" })}\n\`\`\``;
    expect(json.safeParse(sig, fenced)).toEqual({ success: true, data: { code, language: "js" } });
  });

  it("takes plain text as the value of a single output", () => {
    expect(json.safeParse(Single, "Paris")).toEqual({ success: true, data: { answer: "Paris" } });
    expect(json.safeParse(Count, "The count is 7.")).toEqual({ success: true, data: { count: 7 } });
  });

  it("turns null into an absent optional field", () => {
    const sig = signature("q -> answer, note?: string");
    expect(json.safeParse(sig, '{"answer": "a", "note": null}')).toEqual({
      success: true,
      data: { answer: "a" },
    });
  });

  it("parses nested object outputs", () => {
    const sig = signature("q -> answer").output("person", z.object({ name: z.string(), age: z.number() }));
    expect(json.safeParse(sig, "{'answer': 'x', 'person': {'name': 'Ada', 'age': 36,},}")).toEqual({
      success: true,
      data: { answer: "x", person: { name: "Ada", age: 36 } },
    });
  });
});

describe("JsonAdapter: unrecoverable completions", () => {
  it("says there is no JSON object", () => {
    expect(json.safeParse(Ticket, "I would route this to billing.")).toEqual({
      success: false,
      error: "the reply contains no JSON object",
    });
    expect(json.safeParse(Ticket, '["billing", true, 1200, []]')).toEqual({
      success: false,
      error: "the reply contains no JSON object",
    });
  });

  it("names missing fields", () => {
    expect(json.safeParse(Ticket, '{"queue": "billing", "amount": 2}')).toEqual({
      success: false,
      error: "missing output fields `urgent`, `tags`",
    });
    expect(json.safeParse(Ticket, '{"queue": "billing", "urgent": true, "amount": 2}')).toEqual({
      success: false,
      error: "missing output field `tags`",
    });
  });

  it("reports wrong types with the field's path", () => {
    const result = json.safeParse(
      Ticket,
      '{"queue": "billing", "urgent": true, "amount": 2, "tags": [1, {"a": 2}]}',
    );
    expect(result).toEqual({
      success: false,
      error: "field `tags.1`: Invalid input: expected string, received object",
    });
  });

  it("reports null for a required field", () => {
    expect(json.safeParse(Count, '{"count": null}')).toEqual({
      success: false,
      error: "field `count`: Invalid input: expected number, received null",
    });
  });

  it("does not mistake a truncated object for a reply", () => {
    expect(json.safeParse(Ticket, '{"queue": "billing", "urgent": tr')).toEqual({
      success: false,
      error: "the reply contains no JSON object",
    });
  });
});

describe("extractJsonObject", () => {
  it("prefers a fenced object over one in the chatter", () => {
    expect(extractJsonObject('Before {"a": 1}\n```json\n{"a": 2}\n```')).toEqual({ a: 2 });
  });

  it("keeps apostrophes and escaped quotes inside strings", () => {
    expect(extractJsonObject("{'text': 'it\\'s \"fine\"'}")).toEqual({ text: 'it\'s "fine"' });
    expect(extractJsonObject('{"text": "say \\"hi\\""}')).toEqual({ text: 'say "hi"' });
  });

  it("returns undefined when there is no object", () => {
    expect(extractJsonObject("")).toBeUndefined();
    expect(extractJsonObject("[1, 2]")).toBeUndefined();
    expect(extractJsonObject("{ unbalanced")).toBeUndefined();
  });
});

describe("values the model wrote as JSON are kept exactly", () => {
  const Code = signature("task: string -> code: string");

  it("keeps leading whitespace and quotes inside a JSON string", () => {
    const parsed = new JsonAdapter().safeParse(Code, JSON.stringify({ code: '  "indented"\n' }));
    expect(parsed).toEqual({ success: true, data: { code: '  "indented"\n' } });
  });

  it("does not read a JSON null as the text of a required answer", () => {
    const parsed = new JsonAdapter().safeParse(Code, '{"code": null}');
    expect(parsed.success).toBe(false);
  });
});
