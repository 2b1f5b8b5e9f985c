import OpenAI, { AuthenticationError, NotFoundError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { type ModelServer, startSimServer } from "../../src/server/index.js";
import { createSimModel } from "../../src/sim/index.js";

const KEY = "sk-lathe-sim-server-0123456789";
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startSimServer>[0] = {}) {
  const server = await startSimServer({ apiKey: KEY, ...options });
  servers.push(server);
  return { server, client: new OpenAI({ baseURL: server.url, apiKey: KEY, maxRetries: 0 }) };
}

const messages = [
  { role: "system" as const, content: "Propose an instruction for routing support tickets." },
  { role: "user" as const, content: "Write the instruction." },
];

describe("startSimServer", () => {
  it("lists every sim model and answers as the in-process sim, by bare or prefixed name", async () => {
    const { client } = await start();
    const listed = await client.models.list();
    expect(listed.data.map((model) => model.id)).toEqual(["small", "medium", "large"]);
    const direct = await createSimModel("large").doGenerate({ messages, temperature: 0 });
    expect(direct.choices[0]?.text).not.toBe("");
    for (const model of ["large", "sim/large", "sim:large"]) {
      const completion = await client.chat.completions.create({ model, messages, temperature: 0 });
      expect(completion.model).toBe(model);
      expect(completion.choices[0]?.message.content).toBe(direct.choices[0]?.text);
    }
  });

  it("404s an unknown model, and applies the model-server options (key, faults)", async () => {
    const { server, client } = await start({ faults: [{ kind: "status", status: 503 }] });
    await expect(
      client.chat.completions.create({ model: "small", messages, temperature: 0 }),
    ).rejects.toMatchObject({ status: 503 });
    await expect(
      client.chat.completions.create({ model: "sim/huge", messages, temperature: 0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const stranger = new OpenAI({ baseURL: server.url, apiKey: "sk-wrong-key-0000", maxRetries: 0 });
    await expect(stranger.models.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.stats.byStatus).toEqual({ 401: 1, 404: 1, 503: 1 });
  });
});
