import { APICallError, type GenerateRequest, MockLanguageModel } from "@lathe/core";
import OpenAI, { AuthenticationError, NotFoundError } from "openai";
import { describe, expect, it } from "vitest";
import { mockModel, startTestServer } from "./harness.js";

const client = (baseURL: string, apiKey = "test-key") => new OpenAI({ baseURL, apiKey, maxRetries: 0 });

describe("startModelServer: chat completions", () => {
  it("answers a chat.completion through the openai client", async () => {
    const model = mockModel({
      choices: [{ text: "Paris", finishReason: "stop" }],
      usage: { promptTokens: 12, completionTokens: 3 },
    });
    const server = await startTestServer({ model });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const completion = await client(server.url).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Answer tersely." },
        { role: "user", content: "Capital of France?" },
      ],
    });
    expect(completion).toMatchObject({
      id: "chatcmpl-lathe-0",
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "Paris" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
    });
    expect(completion.created).toBeGreaterThan(1_600_000_000);
  });

  it("maps the request body back to a GenerateRequest", async () => {
    const model = mockModel("ok");
    const server = await startTestServer({ model });
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"] };
    await client(server.url).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [
        {
          role: "developer",
          content: [
            { type: "text", text: "Be " },
            { type: "text", text: "brief." },
          ],
        },
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ],
      temperature: 0.3,
      max_completion_tokens: 64,
      n: 2,
      seed: 42,
      stop: "END",
      response_format: { type: "json_schema", json_schema: { name: "reply", schema, strict: true } },
    });
    const { signal, ...request } = model.calls[0] as GenerateRequest;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(request).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ],
      temperature: 0.3,
      maxTokens: 64,
      n: 2,
      seed: 42,
      stop: ["END"],
      responseFormat: { type: "json_schema", name: "reply", schema, strict: true },
    });
  });

  it("defaults temperature to 1 and reads the legacy max_tokens", async () => {
    const model = mockModel("ok");
    const server = await startTestServer({ model });
    await client(server.url).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 7,
    });
    expect(model.calls[0]).toMatchObject({ temperature: 1, maxTokens: 7 });
    expect(model.calls[0]?.n).toBeUndefined();
  });

  it("streams chat.completion.chunk events ending with [DONE]", async () => {
    const text = "A fairly long answer that spans several stream chunks.";
    const server = await startTestServer({ model: mockModel(text) });
    const stream = await client(server.url).chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let received = "";
    const finishReasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | undefined | null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.object).toBe("chat.completion.chunk");
      for (const choice of chunk.choices) {
        received += choice.delta.content ?? "";
        if (choice.finish_reason) finishReasons.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(received).toBe(text);
    expect(chunks).toBeGreaterThan(3);
    expect(finishReasons).toEqual(["stop"]);
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));

    const raw = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "x" }],
        stream: true,
      }),
    });
    expect(raw.headers.get("content-type")).toBe("text/event-stream");
    expect((await raw.text()).endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("answers an APICallError of the model with its status, other failures with 500", async () => {
    const failing = new MockLanguageModel({
      modelId: "gpt-4o-mini",
      responses: [
        () => {
          throw new APICallError("upstream overloaded", {
            provider: "x",
            modelId: "y",
            statusCode: 503,
            isRetryable: true,
            retries: 0,
          });
        },
        () => {
          throw new Error("boom");
        },
      ],
    });
    const server = await startTestServer({ model: failing });
    const post = () =>
      fetch(`${server.url}/chat/completions`, {
        method: "POST",
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }),
      });
    const first = await post();
    expect(first.status).toBe(503);
    expect(((await first.json()) as { error: { message: string } }).error.message).toContain(
      "upstream overloaded",
    );
    const second = await post();
    expect(second.status).toBe(500);
    expect(await second.json()).toMatchObject({
      error: { type: "server_error", message: "The model failed: boom" },
    });
  });
});

describe("startModelServer: other endpoints and errors", () => {
  it("lists the served model on GET /v1/models", async () => {
    const server = await startTestServer({ model: mockModel() });
    const page = await client(server.url).models.list();
    expect(page.data.map((model) => model.id)).toEqual(["gpt-4o-mini"]);
  });

  it("routes by model id through a resolver and lists the configured ids", async () => {
    const small = new MockLanguageModel({ modelId: "small", responses: "from small" });
    const large = new MockLanguageModel({ modelId: "large", responses: "from large" });
    const models = new Map([
      ["small", small],
      ["large", large],
    ]);
    const server = await startTestServer({ model: (id) => models.get(id), modelIds: ["small", "large"] });
    const openai = client(server.url);
    const answer = await openai.chat.completions.create({
      model: "large",
      messages: [{ role: "user", content: "x" }],
    });
    expect(answer.choices[0]?.message.content).toBe("from large");
    expect((await openai.models.list()).data.map((model) => model.id)).toEqual(["small", "large"]);
  });

  it("rejects a wrong or missing bearer token with an OpenAI-style 401", async () => {
    const server = await startTestServer({ model: mockModel("ok"), apiKey: "right-key" });
    const error = await client(server.url, "wrong-key")
      .chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", type: "invalid_request_error" });
    expect(String(error)).not.toContain("right-key");

    const anonymous = await fetch(`${server.url}/models`);
    expect(anonymous.status).toBe(401);
    const ok = await client(server.url, "right-key").chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "x" }],
    });
    expect(ok.choices[0]?.message.content).toBe("ok");
  });

  it("answers 404 model_not_found for an unknown model and 404 for an unknown path", async () => {
    const server = await startTestServer({ model: mockModel() });
    const error = await client(server.url)
      .chat.completions.create({ model: "gpt-5-imaginary", messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "model_not_found" });
    expect((await fetch(`${server.url}/embeddings`, { method: "POST" })).status).toBe(404);
  });

  it("answers 400 to an invalid body and 413 to an oversized one", async () => {
    const server = await startTestServer({ model: mockModel(), maxBodyBytes: 1024 });
    const post = (body: string) => fetch(`${server.url}/chat/completions`, { method: "POST", body });
    const notJson = await post("{not json");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const noMessages = await post(JSON.stringify({ model: "gpt-4o-mini", messages: [] }));
    expect(noMessages.status).toBe(400);
    const huge = await post(
      JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(5000) }] }),
    );
    expect(huge.status).toBe(413);
    expect(server.stats.byStatus).toEqual({ 400: 2, 413: 1 });
  });
});
