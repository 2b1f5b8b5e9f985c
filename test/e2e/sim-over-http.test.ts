import { AxAIOpenAI } from "@ax-llm/ax";
import {
  axLanguageModel,
  createOpenAICompatible,
  createSimModel,
  generateDataset,
  type ModelServer,
  simTasks,
  startModelServer,
} from "@lathe/adapters";
import { ChatAdapter, evaluate, JsonAdapter, Predict, signature } from "@lathe/core";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

// The simulated model served over real loopback HTTP, driven by the real `openai` client and by
// Ax's OpenAI service: a Lathe program gets the same answers as from the in-process sim.
const Triage = signature(
  "Route each customer support ticket to the right queue (billing, technical or account) and flag whether it is urgent.",
)
  .input("ticket", z.string().describe("the customer's message"))
  .output("queue", z.enum(["billing", "technical", "account"]))
  .output("urgent", z.boolean());

const examples = generateDataset(simTasks["ticket-triage"], { seed: 5, size: 24 });
const exact = (example: Record<string, unknown>, prediction: { queue: string; urgent: boolean }) =>
  prediction.queue === example.queue && prediction.urgent === example.urgent;

describe("the sim over OpenAI-compatible HTTP", () => {
  let server: ModelServer;

  beforeAll(async () => {
    server = await startModelServer({
      model: (modelId) =>
        ["small", "medium", "large"].includes(modelId) ? createSimModel(modelId) : undefined,
      modelIds: ["small", "medium", "large"],
      apiKey: "sk-test-sim",
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const overHttp = () =>
    createOpenAICompatible({
      modelId: "small",
      baseURL: server.url,
      apiKey: "sk-test-sim",
      provider: "sim-http",
    });

  it.each([
    ["JsonAdapter (structured outputs)", new JsonAdapter()],
    ["ChatAdapter (field markers)", new ChatAdapter()],
  ])("the openai client gets the in-process sim's predictions with the %s", async (_name, adapter) => {
    const program = new Predict(Triage);
    const local = await evaluate(program, examples, exact, {
      settings: { lm: createSimModel("small"), adapter },
    });
    const remote = await evaluate(program, examples, exact, { settings: { lm: overHttp(), adapter } });
    expect(remote.errors).toBe(0);
    expect(remote.results.map((result) => result.prediction)).toEqual(
      local.results.map((result) => result.prediction),
    );
    expect(remote.mean).toBe(local.mean);
    expect(remote.usage.total.calls).toBe(examples.length);
  });

  it("streams a completion as server-sent events to the openai client", async () => {
    const client = new OpenAI({ baseURL: server.url, apiKey: "sk-test-sim" });
    const messages = new Predict(Triage).format({ ticket: examples[0]!.ticket as string });
    const stream = await client.chat.completions.create({
      model: "small",
      messages,
      temperature: 0,
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    const direct = await createSimModel("small").doGenerate({ messages, temperature: 0 });
    expect(text).toBe(direct.choices[0]!.text);
    expect(text).toMatch(/\[\[ ## queue ## \]\]/);
  });

  it("answers a Lathe Predict through the Ax bridge", async () => {
    const service = new AxAIOpenAI({
      apiKey: "sk-test-sim",
      apiURL: server.url,
      config: { model: "small" as never, stream: false },
    });
    const lm = axLanguageModel(service, { model: "small" });
    const program = new Predict(Triage);
    const viaAx = await evaluate(program, examples.slice(0, 8), exact, {
      settings: { lm, adapter: new ChatAdapter() },
    });
    const local = await evaluate(program, examples.slice(0, 8), exact, {
      settings: { lm: createSimModel("small"), adapter: new ChatAdapter() },
    });
    expect(viaAx.errors).toBe(0);
    expect(viaAx.results.map((result) => result.prediction)).toEqual(
      local.results.map((result) => result.prediction),
    );
  });
});
