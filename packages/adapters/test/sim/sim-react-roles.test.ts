// The sim plays ReAct's agent turn and extraction on town-qa: it searches with the listed tool,
// follows a nickname passage to the official name, retries after a tool error, finishes once the
// town's passage is in hand, and the extraction answers only from what the searches returned.
import { ReAct, signature, tool, withSettings } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSimModel, generateDataset, searchSimCorpus, simTasks } from "../../src/sim/index.js";

const task = simTasks["town-qa"];
const rows = generateDataset(task, { seed: 13, size: 300 });
const nicknamed = rows.filter((row) => !String(row.question).includes(String(row.search_query))).slice(0, 60);
const named = rows.filter((row) => String(row.question).includes(String(row.search_query))).slice(0, 40);
const lm = createSimModel("small");
const TownQuestion = signature("Answer the question about a town; give a short answer.")
  .input("question", z.string())
  .output("answer", z.string());

const lookup = tool({
  name: "lookup",
  description: "Finds passages in the town archive.",
  parameters: z.object({ keywords: z.string(), k: z.number().optional() }),
  execute: ({ keywords }) => searchSimCorpus(keywords),
});
const calculator = tool({
  name: "calculator",
  description: "Adds two numbers.",
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a + b,
});
const agentWith = (tools: Parameters<typeof tool>[0][], maxSteps = 4) =>
  new ReAct(TownQuestion, { tools: tools.map((item) => tool(item)), maxSteps });
const argsOf = (text: string) => JSON.parse(text) as Record<string, unknown>;
const runAll = (agent: ReAct<typeof TownQuestion>, sample: typeof rows) =>
  withSettings({ lm }, () => Promise.all(sample.map((row) => agent.run({ question: String(row.question) }))));

describe("the sim as a ReAct agent", () => {
  it("searches with the tool that takes a string, by its schema's argument, then finishes", async () => {
    const runs = await runAll(agentWith([calculator, lookup]), named);
    for (const [index, run] of runs.entries()) {
      const [first, ...rest] = run.trajectory;
      expect(first!.tool).toBe("lookup");
      expect(Object.keys(argsOf(first!.args))).toEqual(["keywords"]);
      expect(run.finished).toBe(true);
      expect(run.trajectory.at(-1)!.tool).toBe("finish");
      // Finishing follows the first observation that holds the town's passage.
      const found = run.trajectory.findIndex((step) =>
        step.observation.includes(`${named[index]!.search_query} is a town`),
      );
      expect(rest.length).toBe(found + 1);
    }
  });

  it("follows a nickname passage to the official name, or searches it first once told to", async () => {
    const rule = task.rules.find((item) => item.id === "nickname")!;
    const plain = agentWith([lookup]);
    const told = plain.withState({
      ...plain.state(),
      react: { instructions: `${plain.react.instructions}\n\n${rule.sentences[0]}`, demos: [] },
    });
    const searchesOf = (run: Awaited<ReturnType<typeof plain.run>>) =>
      run.trajectory.filter((step) => step.tool === "lookup").map((step) => argsOf(step.args).keywords);
    const plainRuns = await runAll(plain, nicknamed);
    const toldRuns = await runAll(told, nicknamed);
    const firstIsOfficial = (runs: typeof plainRuns) =>
      runs.filter((run, index) => searchesOf(run)[0] === nicknamed[index]!.search_query).length / runs.length;
    expect(firstIsOfficial(plainRuns)).toBeLessThan(0.35);
    expect(firstIsOfficial(toldRuns)).toBeGreaterThan(0.85);
    // Either way the last search is the official name, found through the loop.
    const lastIsOfficial = plainRuns.filter(
      (run, index) => searchesOf(run).at(-1) === nicknamed[index]!.search_query,
    );
    expect(lastIsOfficial.length / plainRuns.length).toBeGreaterThan(0.9);
    const followed = plainRuns.find((run) => searchesOf(run).length === 2)!;
    expect(followed.trajectory[1]!.thought).toMatch(/is a nickname for/);
  });

  it("turns a tool error into a retry", async () => {
    let calls = 0;
    const flaky = tool({
      name: "lookup",
      description: "Finds passages in the town archive.",
      parameters: z.object({ keywords: z.string() }),
      execute: ({ keywords }) => {
        calls++;
        if (calls === 1) throw new Error("archive offline");
        return searchSimCorpus(keywords);
      },
    });
    const row = named[0]!;
    const run = await new ReAct(TownQuestion, { tools: [flaky] }).run(
      { question: String(row.question) },
      { lm },
    );
    expect(run.trajectory[0]).toMatchObject({
      failed: true,
      observation: "Error: tool 'lookup' failed: archive offline",
    });
    expect(run.trajectory[1]!.failed).toBe(false);
    expect(run.trajectory[1]!.observation).toContain(`${row.search_query} is a town`);
    expect(run.finished).toBe(true);
  });

  it("stops within the step bound when the searches find nothing", async () => {
    const empty = { ...lookup, execute: () => [] };
    const runs = await runAll(agentWith([empty], 8), nicknamed.slice(0, 10));
    for (const run of runs) {
      expect(run.finished).toBe(true);
      expect(run.trajectory.length).toBeLessThanOrEqual(3);
      expect(run.outputs.answer).toBe("unknown");
    }
    const [single] = await runAll(agentWith([lookup], 1), nicknamed.slice(0, 1));
    expect(single!.trajectory).toHaveLength(1);
    expect(single!.finished).toBe(false);
  });

  it("finishes at once on a task it has no tool skill for", async () => {
    const Triage = signature("Route the ticket.").input("ticket", z.string()).output("queue", z.string());
    const run = await new ReAct(Triage, { tools: [lookup] }).run({ ticket: "I want a refund." }, { lm });
    expect(run.trajectory.map((step) => step.tool)).toEqual(["finish"]);
  });
});

describe("the sim as ReAct's extraction", () => {
  it("answers from the passages in the trajectory, and 'unknown' when they lack the town", async () => {
    const answered = await runAll(agentWith([lookup]), named);
    const right = answered.filter((run, index) => task.score(named[index]!, run.outputs).score === 1).length;
    // Zero-shot, the answer step's own rules still trip it up sometimes; the passages are there.
    expect(right / named.length).toBeGreaterThan(0.4);
    const elsewhere = { ...lookup, execute: () => ["The archive holds no passage on that."] };
    const blind = await runAll(agentWith([elsewhere], 2), named.slice(0, 10));
    expect(blind.map((run) => run.outputs.answer)).toEqual(Array(10).fill("unknown"));
  });
});
