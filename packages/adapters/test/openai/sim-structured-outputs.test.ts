import {
  ChainOfThought,
  JsonAdapter,
  Predict,
  signature,
  strictOutputSchema,
  withSettings,
} from "@lathe/core";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenAI } from "../../src/openai/index.js";
import { type ModelServer, startSimServer } from "../../src/server/index.js";
import { createSimModel, generateDataset, simTasks } from "../../src/sim/index.js";
import { startRecordingProxy } from "../server/recording-proxy.js";

// The real sim behind the real openai client over loopback HTTP: the strict JSON schema built
// from the signature goes over the wire, and the sim's typed answer comes back.
const KEY = "sk-lathe-sim-structured-0123456789";
const task = simTasks["ticket-triage"];
const Triage = signature(task.instruction)
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean());
const allRules = [task.instruction, ...task.rules.map((rule) => rule.sentences[0])].join(" ");
const rows = generateDataset(task, { seed: 7, size: 6 });

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function simBehindProxy() {
  const server = await startSimServer({ apiKey: KEY, seed: 1 });
  servers.push(server);
  return { server, proxy: await startRecordingProxy(server.url) };
}

describe("createOpenAI against the sim server", () => {
  it("sends the signature's strict json_schema and gets typed, correct predictions", async () => {
    const { server, proxy } = await simBehindProxy();
    // The strong model told every rule answers all of these right (checked below, in process too).
    const lm = createOpenAI({ modelId: "large", baseURL: proxy.url, apiKey: KEY });
    const program = new Predict(Triage).withInstructions(allRules);
    const remote = await withSettings({ lm }, () =>
      Promise.all(rows.map((row) => program.call({ ticket: String(row.ticket) }))),
    );

    expect(proxy.requests).toHaveLength(rows.length);
    const schema = strictOutputSchema(Triage);
    expect(schema).toMatchObject({
      properties: { queue: { enum: ["billing", "technical", "account"] }, urgent: { type: "boolean" } },
      required: ["queue", "urgent"],
      additionalProperties: false,
    });
    for (const recorded of proxy.requests) {
      expect(recorded.path).toBe("/v1/chat/completions");
      expect(recorded.body?.response_format).toEqual({
        type: "json_schema",
        json_schema: { name: "outputs", schema, strict: true },
      });
    }
    for (const [index, prediction] of remote.entries()) {
      expect(typeof prediction.urgent).toBe("boolean");
      expect(prediction).toEqual({ queue: rows[index]?.queue, urgent: rows[index]?.urgent });
    }
    // The same answers as the sim in process, asked with the same response format.
    const local = await withSettings({ lm: createSimModel("large"), adapter: new JsonAdapter() }, () =>
      Promise.all(rows.map((row) => program.call({ ticket: String(row.ticket) }))),
    );
    expect(remote).toEqual(local);
    expect(server.stats.byStatus).toEqual({ 200: rows.length });
  });

  it("returns n independent samples at temperature > 0, and n identical ones at 0", async () => {
    const { proxy } = await simBehindProxy();
    const lm = createOpenAI({ modelId: "small", baseURL: proxy.url, apiKey: KEY });
    const request = new ChainOfThought(Triage).predict.request({ ticket: String(rows[0]?.ticket) }, { lm });
    const hot = await lm.doGenerate({ ...request, n: 4, temperature: 1 });
    const cold = await lm.doGenerate({ ...request, n: 4, temperature: 0 });

    expect(proxy.requests.map((recorded) => recorded.body?.n)).toEqual([4, 4]);
    expect(hot.choices).toHaveLength(4);
    expect(new Set(hot.choices.map((choice) => choice.text)).size).toBeGreaterThan(1);
    expect(cold.choices).toHaveLength(4);
    expect(new Set(cold.choices.map((choice) => choice.text)).size).toBe(1);
    for (const choice of hot.choices) {
      expect(Object.keys(JSON.parse(choice.text) as object)).toEqual(["reasoning", "queue", "urgent"]);
    }
    // Sample i over HTTP is the sim's sample i: n and the temperature reach the model.
    const local = await createSimModel("small").doGenerate({ ...request, n: 4, temperature: 1 });
    expect(hot.choices).toEqual(local.choices);
  });
});
