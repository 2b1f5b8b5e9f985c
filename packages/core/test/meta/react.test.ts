import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MockLanguageModel, ReAct, signature, tool, traced, withSettings } from "../../src/index.js";
import { askedFor, callSequence, inputValue, reply, sentText } from "./support/scripted.js";

const QA = signature("question: string -> answer: string", "Answer the question.");

type Turn = { tool: string; args: string };

/** Plays `turns` in order (the last repeats), then extracts `answer: done`. */
function agentModel(turns: Turn[]) {
  let step = 0;
  return new MockLanguageModel({
    responses: (request) => {
      if (askedFor(request)[0] === "reasoning")
        return reply({ reasoning: "from the trajectory", answer: "done" });
      const turn = turns[Math.min(step, turns.length - 1)]!;
      step++;
      return reply({ next_thought: `thought ${step}`, next_tool_name: turn.tool, next_tool_args: turn.args });
    },
  });
}

function searchTool() {
  const queries: string[] = [];
  const search = tool({
    name: "search",
    description: "Looks a query up in the encyclopedia.",
    parameters: z.object({ query: z.string(), limit: z.number().int().optional() }),
    execute: ({ query }) => {
      queries.push(query);
      return `results for ${query}`;
    },
  });
  return { search, queries };
}

const finish: Turn = { tool: "finish", args: "{}" };

describe("ReAct", () => {
  it("loops thought / tool / args / observation until finish, then extracts the outputs", async () => {
    const { search, queries } = searchTool();
    const lm = agentModel([{ tool: "search", args: '{"query":"Eiffel Tower"}' }, finish]);
    const agent = new ReAct(QA, { tools: [search] });
    const run = await agent.run({ question: "How tall is the Eiffel Tower?" }, { lm });

    expect(callSequence(lm.calls)).toEqual(["next_thought", "next_thought", "reasoning"]);
    expect(queries).toEqual(["Eiffel Tower"]);
    expect(inputValue(lm.calls[0], "trajectory")).toBe("(no steps yet)");
    expect(inputValue(lm.calls[1], "trajectory")).toBe(
      [
        "thought_1: thought 1",
        "tool_name_1: search",
        'tool_args_1: {"query":"Eiffel Tower"}',
        "observation_1: results for Eiffel Tower",
      ].join("\n"),
    );
    expect(inputValue(lm.calls[2], "trajectory")).toContain("tool_name_2: finish");
    expect(run.outputs).toEqual({ answer: "done" });
    expect(run.reasoning).toBe("from the trajectory");
    expect(run.finished).toBe(true);
    expect(run.trajectory).toEqual([
      {
        thought: "thought 1",
        tool: "search",
        args: '{"query":"Eiffel Tower"}',
        observation: "results for Eiffel Tower",
        failed: false,
      },
      { thought: "thought 2", tool: "finish", args: "{}", observation: "Completed.", failed: false },
    ]);
  });

  it("turns an unknown tool, bad JSON, invalid arguments and a throwing tool into observations", async () => {
    const { search, queries } = searchTool();
    const explode = tool({
      name: "explode",
      description: "Always fails.",
      parameters: z.object({}),
      execute: () => {
        throw new Error("disk on fire");
      },
    });
    const lm = agentModel([
      { tool: "lookup", args: "{}" },
      { tool: "search", args: "{query: Paris" },
      { tool: "search", args: '{"query": 5}' },
      { tool: "explode", args: "{}" },
      { tool: "search", args: '```json\n{"query": "fenced",}\n```' },
      finish,
    ]);
    const run = await new ReAct(QA, { tools: [search, explode] }).run({ question: "q" }, { lm });

    expect(queries).toEqual(["fenced"]);
    expect(callSequence(lm.calls)).toEqual([...Array(6).fill("next_thought"), "reasoning"]);
    const observation = (call: number, step: number) =>
      new RegExp(`observation_${step}: (.*)`).exec(inputValue(lm.calls[call], "trajectory") ?? "")?.[1];
    expect(observation(1, 1)).toBe("Error: unknown tool 'lookup'; the tools are search, explode, finish");
    expect(observation(2, 2)).toBe(
      `Error: the arguments for 'search' are not a JSON object; send them as {"name": value, ...}`,
    );
    expect(observation(3, 3)).toBe(
      "Error: invalid arguments for 'search': query: Invalid input: expected string, received number",
    );
    expect(observation(4, 4)).toBe("Error: tool 'explode' failed: disk on fire");
    // A fenced object with a trailing comma is repaired rather than rejected.
    expect(observation(5, 5)).toBe("results for fenced");
    expect(run.trajectory.map((step) => step.failed)).toEqual([true, true, true, true, false, false]);
    expect(run.finished).toBe(true);
  });

  it("stops after maxSteps turns without finish, and still extracts an answer", async () => {
    const { search, queries } = searchTool();
    const lm = agentModel([{ tool: "search", args: '{"query":"again"}' }]);
    const run = await new ReAct(QA, { tools: [search], maxSteps: 3 }).run({ question: "q" }, { lm });
    expect(callSequence(lm.calls)).toEqual(["next_thought", "next_thought", "next_thought", "reasoning"]);
    expect(queries).toHaveLength(3);
    expect(run.finished).toBe(false);
    expect(run.trajectory).toHaveLength(3);
    expect(run.outputs).toEqual({ answer: "done" });
  });

  it("shows JSON results as JSON and awaits async tools", async () => {
    const weather = tool({
      name: "weather",
      description: "Current weather in a city.",
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, celsius: 21 }),
    });
    const lm = agentModel([{ tool: "weather", args: '{"city":"Lisbon"}' }, finish]);
    await new ReAct(QA, { tools: [weather] }).call({ question: "q" }, { lm });
    expect(inputValue(lm.calls[1], "trajectory")).toContain('observation_1: {"city":"Lisbon","celsius":21}');
  });

  it("describes every tool with its JSON Schema, plus finish, in the agent's instructions", () => {
    const { search } = searchTool();
    const agent = new ReAct(QA, { tools: [search] });
    const system = agent.react.format({ question: "q", trajectory: "" })[0]!.content;
    expect(system).toContain("(1) search: Looks a query up in the encyclopedia. Arguments (JSON Schema):");
    expect(system).toContain('"query":{"type":"string"}');
    expect(system).toMatch(/\(2\) finish: Marks the task as complete: everything needed to produce `answer`/);
  });

  it("exposes `react` and `extract.predict` to optimizers and traces both", async () => {
    const { search } = searchTool();
    const agent = new ReAct(QA, { tools: [search] });
    expect(agent.namedPredictors().map(([path]) => path)).toEqual(["react", "extract.predict"]);
    const lm = agentModel([finish]);
    const { trace } = await traced(() => withSettings({ lm }, () => agent.call({ question: "q" })));
    expect(trace.map((entry) => entry.path)).toEqual(["react", "extract.predict"]);
    expect(sentText(lm.calls[1])).toContain("tool_name_1: finish");
  });

  it("rejects a tool named finish, duplicate names and invalid names", () => {
    const { search } = searchTool();
    const finishTool = tool({ name: "finish", description: "", parameters: z.object({}), execute: () => "" });
    expect(() => new ReAct(QA, { tools: [finishTool] })).toThrow(/provides the 'finish' tool/);
    expect(() => new ReAct(QA, { tools: [search, search] })).toThrow(/two tools named 'search'/);
    expect(() =>
      tool({ name: "web search", description: "", parameters: z.object({}), execute: () => "" }),
    ).toThrow(/invalid tool name/);
    expect(() => new ReAct(QA, { tools: [search], maxSteps: 0 })).toThrow(RangeError);
  });
});
