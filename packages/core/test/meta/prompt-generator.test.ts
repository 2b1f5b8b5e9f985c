import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MockLanguageModel, Predict, PromptGenerator, signature } from "../../src/index.js";
import { inputValue, reply } from "./support/scripted.js";

const parts = {
  persona: "You are a meticulous support triage specialist.",
  context: "Tickets come from paying customers. Never promise refunds.",
  steps: ["Read the ticket.", "Pick the queue that owns the problem."],
  output_format: "The queue name only.",
  examples: "Ticket: I was charged twice. -> billing",
};

const teacherModel = () => new MockLanguageModel({ responses: reply(parts) });

const Triage = signature("Route a support ticket to the right queue.")
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]));

const expectedPrompt = [
  "You are a meticulous support triage specialist.",
  "## Context and constraints\nTickets come from paying customers. Never promise refunds.",
  "## Steps\n1. Read the ticket.\n2. Pick the queue that owns the problem.",
  "## Output format\nThe queue name only.",
  "## Examples\nTicket: I was charged twice. -> billing",
].join("\n\n");

describe("PromptGenerator", () => {
  it("writes a complete system prompt from a plain task description in one call", async () => {
    const lm = teacherModel();
    const generated = await new PromptGenerator().call({ task: "Route support tickets." }, { lm });
    expect(lm.calls).toHaveLength(1);
    expect(inputValue(lm.calls[0], "task")).toBe("Route support tickets.");
    expect(generated).toEqual({ ...parts, prompt: expectedPrompt });
  });

  it("seeds a signature's instructions, keeping its fields and fingerprint", async () => {
    const teacher = teacherModel();
    const seeded = await new PromptGenerator().forSignature(Triage, { settings: { lm: teacher } });
    expect(seeded.instructions).toBe(expectedPrompt);
    expect(seeded.fingerprint).toBe(Triage.fingerprint);
    expect(Triage.instructions).toBe("Route a support ticket to the right queue.");
    expect(inputValue(teacher.calls[0], "task")).toBe("Route a support ticket to the right queue.");
    expect(inputValue(teacher.calls[0], "fields")).toBe(
      "Inputs: `ticket` (the customer's message)\nOutputs: `queue`",
    );
    const system = new Predict(seeded).format({ ticket: "help" })[0]!.content;
    expect(system.startsWith(expectedPrompt)).toBe(true);
  });

  it("takes an explicit task description, and its writer is a tunable predictor", async () => {
    const lm = teacherModel();
    const generator = new PromptGenerator({ config: { lm } });
    await generator.forSignature(Triage, { task: "Sort tickets for a bank." });
    expect(inputValue(lm.calls[0], "task")).toBe("Sort tickets for a bank.");
    expect(generator.namedPredictors().map(([path]) => path)).toEqual(["writer"]);
  });
});
