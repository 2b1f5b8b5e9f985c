import { describe, expect, it } from "vitest";
import { createSimModel, generateDataset, mentionedRuleIds, simTasks } from "../../src/sim/index.js";
import { findExhibits } from "../../src/sim/teacher/find-exhibits.js";
import { captureLabeledValues, showsValue } from "../../src/sim/teacher/label-capture.js";
import { parseReply, renderPrompt, stageFailures, teacherRequest } from "./sim-harness.js";

const triage = simTasks["ticket-triage"];
const stage = triage.stages[0]!;
const large = createSimModel("large");
const small = createSimModel("small");
const ruleSentence = (id: string) => triage.rules.find((rule) => rule.id === id)!.sentences[0]!;

/** An optimizer-style failure block (inputs, step outputs, EXPECTED outputs, feedback). */
const failureBlock = (index: number, ticket: string, got: [string, boolean], expected: [string, boolean]) =>
  [
    `### Failure ${index} (score 0.5)`,
    "Inputs:",
    `  ticket: ${ticket}`,
    "Outputs of this step:",
    `  queue: ${got[0]}`,
    `  urgent: ${got[1]}`,
    "EXPECTED outputs:",
    `  queue: ${expected[0]}`,
    `  urgent: ${expected[1]}`,
  ].join("\n");

async function ask(model = large, instructions: string, inputs: Record<string, string>, outputs: string[]) {
  const { messages } = renderPrompt({
    instructions,
    inputs: Object.keys(inputs).map((name) => ({ name, type: "string", description: name })),
    outputs: outputs.map((name) => ({ name, type: "string", description: name })),
    query: inputs,
    format: "chat",
  });
  const result = await model.doGenerate({ messages, temperature: 0 });
  return parseReply(
    result.choices[0]!.text,
    outputs.map((name) => ({ name, type: "string", description: name })),
  ) as Record<string, string>;
}

describe("reading examples out of free text", () => {
  it("captures labelled values in markers, JSON, Python dicts, headers and `field: value` lines", () => {
    const text = [
      "[[ ## queue ## ]]\nbilling\n",
      '{"queue": "technical", "urgent": true}',
      "{'queue': 'account'}",
      "### queue\nbilling",
      "  **Queue**: technical (got account)",
    ].join("\n");
    expect(captureLabeledValues(text, "queue").map((item) => item.value)).toEqual([
      "billing",
      "technical",
      "account",
      "billing",
      "technical (got account)",
    ]);
    expect(showsValue("technical (got account)", "technical")).toBe(true);
    expect(showsValue('expected "billing", got "technical"', "billing")).toBe(true);
    expect(showsValue("in 1642", "1642")).toBe(false);
    expect(showsValue('["Ana Ruiz", "Ben Okafor"]', ["Ben Okafor", "Ana Ruiz"])).toBe(true);
  });

  it("counts plain examples, failures with expected outputs, and failures that only show the wrong default", () => {
    const refund = "Hi, The app crashes every time I open the settings page. Please refund my last payment.";
    const outage = "Hello, The whole office gets errors when opening the app.";
    const security = "Hi, I think my account was hacked last night.";
    const text = [
      `Example 1:\nticket: ${refund}\nqueue: billing\nurgent: false`,
      failureBlock(1, outage, ["technical", false], ["technical", true]),
      `### Failure 2 (score 0)\nInputs:\n  ticket: ${security}\nOutputs of this step:\n  queue: technical\n  urgent: false\nFeedback: wrong queue and urgency (EXPECTED outputs not shown)`,
    ].join("\n\n");
    const counts = findExhibits(triage, text);
    expect(counts.get("refund")).toEqual({ plain: 1, failure: 0, implied: 0 });
    expect(counts.get("outage")).toEqual({ plain: 0, failure: 1, implied: 0 });
    expect(counts.get("security")).toEqual({ plain: 0, failure: 0, implied: 1 });
    expect(counts.has("legal")).toBe(false);
  });
});

describe("the teacher", () => {
  const rows = generateDataset(triage, { seed: 31, size: 120 });

  it("rewrites the current instruction verbatim, keeping its field references and stated rules", async () => {
    const current = `Route the \`ticket\` to a \`queue\`. ${ruleSentence("legal")}`;
    const failures = (await stageFailures(small, triage, stage, rows, {})).slice(0, 12);
    const text = failures
      .map((failure, index) =>
        failureBlock(
          index + 1,
          String(failure.query.ticket),
          [String(failure.predicted.queue), failure.predicted.urgent === true],
          [String(failure.expected.queue), failure.expected.urgent === true],
        ),
      )
      .join("\n\n");
    const reply = await ask(
      large,
      "You improve the instructions of one step of an LLM program.",
      { task_description: triage.description, current_instructions: current, failures: text },
      ["hypothesis", "improved_instructions"],
    );
    expect(reply.improved_instructions!.startsWith(current)).toBe(true);
    const stated = mentionedRuleIds(triage.rules, reply.improved_instructions!);
    expect(stated).toContain("legal");
    expect(stated.length).toBeGreaterThanOrEqual(3);
    expect(reply.hypothesis).toMatch(/^The instruction never says that /);
  });

  it("accumulates rules over rounds of rewriting", async () => {
    let instruction = stage.instruction;
    const counts: number[] = [];
    for (let round = 0; round < 3; round++) {
      const failures = (
        await stageFailures(small, triage, stage, rows.slice(round * 40, round * 40 + 40), {
          instructions: { triage: instruction },
        })
      ).slice(0, 6);
      const text = failures
        .map((failure, index) =>
          failureBlock(
            index + 1,
            String(failure.query.ticket),
            [String(failure.predicted.queue), failure.predicted.urgent === true],
            [String(failure.expected.queue), failure.expected.urgent === true],
          ),
        )
        .join("\n\n");
      const reply = await ask(
        large,
        "Write a better instruction.",
        { current_instruction: instruction, examples_with_feedback: text },
        ["new_instruction"],
      );
      instruction = reply.new_instruction!;
      counts.push(mentionedRuleIds(triage.rules, instruction).length);
    }
    expect(counts[2]!).toBeGreaterThanOrEqual(counts[0]!);
    expect(counts[2]!).toBeGreaterThanOrEqual(3);
  });

  it("observes patterns in plain examples, says when it has nothing to add, and grounds proposals on the summary", async () => {
    const examples = rows
      .slice(0, 30)
      .map(
        (row, index) =>
          `Example ${index + 1}:\nticket: ${row.ticket}\nqueue: ${row.queue}\nurgent: ${row.urgent}`,
      )
      .join("\n\n");
    const observed = await ask(large, "Write observations about the dataset.", { examples }, [
      "observations",
    ]);
    const patterns = mentionedRuleIds(triage.rules, observed.observations!);
    expect(patterns.length).toBeGreaterThanOrEqual(2);

    const again = await ask(
      large,
      "Write new observations. Do not repeat the prior observations; if you have nothing to add, write COMPLETE.",
      {
        examples: examples.split("\n\n").slice(0, 3).join("\n\n"),
        prior_observations: observed.observations!,
      },
      ["observations"],
    );
    expect(again.observations).toBe("COMPLETE");

    const summary = await ask(
      large,
      "Summarize the observations.",
      { observations: observed.observations! },
      ["summary"],
    );
    expect(mentionedRuleIds(triage.rules, summary.summary!).length).toBeGreaterThanOrEqual(
      patterns.length - 1,
    );

    const proposal = await ask(
      large,
      "Propose an instruction for the module.",
      {
        dataset_description: summary.summary!,
        basic_instruction: stage.instruction,
        module: "triage: `ticket` -> `queue`, `urgent`",
        tip: 'Include a persona that is relevant to the task in the instruction (ie. "You are a ...").',
      },
      ["proposed_instruction"],
    );
    expect(proposal.proposed_instruction).toMatch(/^You are a support operations lead/);
    expect(mentionedRuleIds(triage.rules, proposal.proposed_instruction!).length).toBeGreaterThanOrEqual(
      patterns.length - 1,
    );
  });

  it("writes program and module descriptions that name the task", async () => {
    const reply = await ask(
      large,
      "Describe the program.",
      { program_code: "class Triage { triage = new Predict(signature('ticket -> queue, urgent')) }" },
      ["program_description", "module_description"],
    );
    expect(reply.program_description).toContain("customer support tickets");
    expect(reply.module_description).toContain("ticket");
  });

  it("answers a teacher prompt about no known task generically, in JSON too", async () => {
    const request = teacherRequest(triage, stage, "Be nice.", "");
    const generic = {
      ...request,
      messages: [
        { role: "user" as const, content: "Respond with the output fields `proposed_instruction`, `score`." },
      ],
      responseFormat: {
        type: "json_schema" as const,
        name: "p",
        schema: {
          type: "object",
          properties: { proposed_instruction: { type: "string" }, score: { type: "number" } },
        },
        strict: true,
      },
    };
    const value = JSON.parse((await large.doGenerate(generic)).choices[0]!.text) as Record<string, unknown>;
    expect(typeof value.proposed_instruction).toBe("string");
    expect(typeof value.score).toBe("number");
    expect(large.explain(generic)[0]!.mode).toBe("generic");
  });
});
