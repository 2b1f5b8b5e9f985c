import { type GenerateRequest, LatheError } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { createSimModel, generateDataset, SimLanguageModel, simTasks } from "../../src/sim/index.js";
import {
  allRulesInstructions,
  formatFailures,
  parseReply,
  reasoningField,
  renderPrompt,
  stageFailures,
  stageRequest,
  teacherRequest,
} from "./sim-harness.js";

const small = createSimModel("small");
const triage = simTasks["ticket-triage"];
const stage = triage.stages[0]!;
const rows = generateDataset(triage, { seed: 5, size: 80 });
const query = rows[0]!;
const textOf = async (request: GenerateRequest, model = small) =>
  (await model.doGenerate(request)).choices[0]!.text;

describe("SimLanguageModel spec", () => {
  it("implements the v1 spec with the sim capabilities", () => {
    expect(small).toBeInstanceOf(SimLanguageModel);
    expect(small).toMatchObject({
      specificationVersion: "v1",
      provider: "sim",
      modelId: "small",
      capabilities: { structuredOutputs: true, multipleChoices: true, seed: true },
    });
    expect(createSimModel("sim/large").profile.id).toBe("large");
    expect(() => createSimModel("huge")).toThrow(LatheError);
  });

  it("reports usage as about four characters per token", async () => {
    const request = stageRequest(stage, query, {});
    const result = await small.doGenerate(request);
    const promptChars = request.messages.reduce((sum, message) => sum + message.content.length, 0);
    expect(result.usage.promptTokens).toBe(Math.ceil(promptChars / 4));
    expect(result.usage.completionTokens).toBe(Math.ceil(result.choices[0]!.text.length / 4));
  });

  it("truncates at maxTokens and honours stop sequences and abort signals", async () => {
    const request = stageRequest(stage, query, {});
    const truncated = await small.doGenerate({ ...request, maxTokens: 3 });
    expect(truncated.choices[0]).toEqual({ text: expect.any(String), finishReason: "length" });
    expect(truncated.choices[0]!.text).toHaveLength(12);
    const stopped = await small.doGenerate({ ...request, stop: ["[[ ## urgent"] });
    expect(stopped.choices[0]!.text).not.toContain("urgent");
    await expect(small.doGenerate({ ...request, signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe("determinism and sampling", () => {
  it("gives the identical text for the same request at temperature 0, whatever the rollout", async () => {
    const request = stageRequest(stage, query, { reasoning: true });
    const first = await textOf(request);
    expect(await textOf(request)).toBe(first);
    expect(await textOf({ ...request, rolloutId: 4 })).toBe(first);
    const teacher = teacherRequest(triage, stage, stage.instruction, "");
    expect(await textOf(teacher, createSimModel("large"))).toBe(
      await textOf(teacher, createSimModel("large")),
    );
  });

  it("draws distinct samples across rollouts at temperature 1", async () => {
    let varied = 0;
    for (const row of rows.slice(0, 20)) {
      const request = stageRequest(stage, row, { temperature: 1 });
      const answers = new Set<string>();
      for (let rolloutId = 0; rolloutId < 10; rolloutId++)
        answers.add(await textOf({ ...request, rolloutId }));
      if (answers.size > 1) varied++;
    }
    expect(varied).toBeGreaterThan(0);
  });

  it("returns n distinct choices at temperature > 0 and n equal ones at temperature 0", async () => {
    const request = stageRequest(stage, query, { reasoning: true, temperature: 0.8 });
    const sampled = await small.doGenerate({ ...request, n: 5 });
    expect(sampled.choices).toHaveLength(5);
    expect(new Set(sampled.choices.map((choice) => choice.text)).size).toBeGreaterThan(1);
    const greedy = await small.doGenerate({ ...request, temperature: 0, n: 3 });
    expect(new Set(greedy.choices.map((choice) => choice.text)).size).toBe(1);
  });
});

describe("formats", () => {
  it("answers in JSON mode with exactly the schema's keys and types", async () => {
    for (const task of Object.values(simTasks)) {
      for (const taskStage of task.stages) {
        const row = generateDataset(task, { seed: 2, size: 1 })[0]!;
        const demoRow = taskStage.name === "answer" ? { ...row, passages: ["x"] } : row;
        const request = stageRequest(taskStage, demoRow, { format: "json" });
        const value = JSON.parse(await textOf(request)) as Record<string, unknown>;
        expect(Object.keys(value)).toEqual(taskStage.outputs.map((field) => field.name));
        for (const field of taskStage.outputs) {
          const type = field.type === "enum" ? "string" : field.type === "string[]" ? "object" : field.type;
          expect(typeof value[field.name], field.name).toBe(type);
          if (field.type === "enum") expect(field.values).toContain(value[field.name]);
          if (field.type === "string[]") expect(Array.isArray(value[field.name])).toBe(true);
        }
      }
    }
  });

  it("answers in marker mode with every requested field then [[ ## completed ## ]]", async () => {
    const text = await textOf(stageRequest(stage, query, { reasoning: true }));
    expect(text).toMatch(
      /^\[\[ ## reasoning ## \]\]\n[\s\S]+\n\n\[\[ ## queue ## \]\]\n(billing|technical|account)\n\n\[\[ ## urgent ## \]\]\n(true|false)\n\n\[\[ ## completed ## \]\]$/,
    );
    const parsed = parseReply(text, [reasoningField, ...stage.outputs]);
    expect(Object.keys(parsed)).toEqual(["reasoning", "queue", "urgent"]);
  });

  it("uses JSON when the system message asks for it even without a response format", async () => {
    const { messages } = renderPrompt({
      instructions: "Route.",
      inputs: stage.inputs,
      outputs: stage.outputs,
      query,
      format: "json",
    });
    const text = await textOf({ messages, temperature: 0 });
    expect(JSON.parse(text)).toHaveProperty("queue");
  });

  it("answers a retry after a parse failure with the same, well-formed answer", async () => {
    const request = stageRequest(stage, query, {});
    const original = await textOf(request);
    const retry: GenerateRequest = {
      ...request,
      messages: [
        ...request.messages,
        { role: "assistant", content: "queue = billing?" },
        {
          role: "user",
          content: "Your previous reply could not be used: missing field `urgent`. Reply again.",
        },
      ],
    };
    expect(await textOf(retry)).toBe(original);
  });

  it("never throws on garbage prompts and still answers in the requested format", async () => {
    const garbage: GenerateRequest[] = [
      { messages: [], temperature: 0 },
      { messages: [{ role: "user", content: "hello?" }], temperature: 1, n: 2 },
      { messages: [{ role: "system", content: "Your input fields are:\n1. `x`" }], temperature: 0 },
      {
        messages: [
          { role: "user", content: "[[ ## ticket ## ]]\n\nRespond with the output fields `queue`." },
        ],
        temperature: 0,
      },
      {
        messages: [{ role: "user", content: "[[ ## a ## ]]\n1\n\nRespond with the output fields `b`, `c`." }],
        temperature: 0,
      },
      {
        messages: [{ role: "user", content: "\u0000[[ ## ]] {{{" }],
        temperature: 0,
        responseFormat: {
          type: "json_schema",
          name: "x",
          schema: { properties: { n: { type: "integer" }, ok: { type: "boolean" } } },
          strict: true,
        },
      },
    ];
    for (const request of garbage) {
      const result = await small.doGenerate(request);
      expect(result.choices.length).toBeGreaterThan(0);
    }
    const json = await textOf(garbage[5]!);
    expect(JSON.parse(json)).toEqual({ n: 1, ok: true });
    expect(await textOf(garbage[4]!)).toMatch(/\[\[ ## b ## \]\][\s\S]*\[\[ ## c ## \]\][\s\S]*completed/);
  });
});

describe("chain of thought", () => {
  it("writes reasoning that names the rule it applied", async () => {
    const refund = rows.find((row) => triage.rules[0]!.applies(row))!;
    const request = stageRequest(stage, refund, {
      reasoning: true,
      instructions: allRulesInstructions(triage),
    });
    const reasoning = String(parseReply(await textOf(request), [reasoningField, ...stage.outputs]).reasoning);
    expect(reasoning).toContain(triage.rules[0]!.sentences[0]);
  });

  it("makes fewer careless mistakes than answering directly", () => {
    const dev = generateDataset(triage, { seed: 9, size: 1000 });
    const careless = (reasoning: boolean) =>
      dev.filter((row) => small.explain(stageRequest(stage, row, { reasoning }))[0]!.careless).length /
      dev.length;
    expect(careless(false)).toBeGreaterThan(0.04);
    expect(careless(true)).toBeLessThan(careless(false) * 0.6);
  });
});

describe("teacher mode", () => {
  it("explains which rules it states, and keeps rules already in the current instruction", async () => {
    const large = createSimModel("large");
    const current = allRulesInstructions(triage).triage!;
    const trace = large.explain(teacherRequest(triage, stage, current, ""))[0]!;
    expect(trace).toMatchObject({ mode: "teacher", task: "ticket-triage", stage: "triage" });
    expect(trace.statedRules.length).toBeGreaterThanOrEqual(4);
  });

  it("samples different proposals across rollouts at temperature 1", async () => {
    const large = createSimModel("large");
    const failures = await stageFailures(small, triage, stage, rows.slice(0, 40), {});
    const proposals = new Set<string>();
    for (let rolloutId = 0; rolloutId < 5; rolloutId++) {
      const request = teacherRequest(
        triage,
        stage,
        stage.instruction,
        formatFailures(stage, failures.slice(0, 8)),
        {
          temperature: 1,
          rolloutId,
        },
      );
      proposals.add(await textOf(request, large));
    }
    expect(proposals.size).toBeGreaterThan(1);
  });
});
