import { type GenerateRequest, MockLanguageModel } from "@lathe/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createModelFromString,
  ProviderRegistry,
  parseModelString,
  registerProvider,
  resolveModel,
  UnknownModelError,
} from "../../src/models/index.js";
import { MissingBaseURLError, OLLAMA_DEFAULT_BASE_URL, OpenAILanguageModel } from "../../src/openai/index.js";
import { mockModel, rejectionOf, startTestServer } from "../server/harness.js";

const request: GenerateRequest = { messages: [{ role: "user", content: "hi" }], temperature: 0 };

afterEach(() => {
  vi.unstubAllEnvs();
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("parseModelString", () => {
  it("splits at the first slash", () => {
    expect(parseModelString("openai/gpt-4o-mini")).toEqual({ provider: "openai", modelId: "gpt-4o-mini" });
    expect(parseModelString("ollama/llama3.2:3b")).toEqual({ provider: "ollama", modelId: "llama3.2:3b" });
    expect(parseModelString("openai-compatible/meta-llama/Llama-3.1-8B")).toEqual({
      provider: "openai-compatible",
      modelId: "meta-llama/Llama-3.1-8B",
    });
  });

  it("returns undefined for strings without both parts", () => {
    for (const text of ["gpt-4o", "/gpt-4o", "openai/", "", " / "])
      expect(parseModelString(text)).toBeUndefined();
  });
});

describe("resolveModel", () => {
  it("builds an OpenAI model", () => {
    const model = resolveModel("openai/gpt-4o-mini", {
      apiKey: "sk-test-key-123456",
      baseURL: "http://127.0.0.1:9/v1",
    });
    expect(model).toBeInstanceOf(OpenAILanguageModel);
    expect(model).toMatchObject({ provider: "openai", modelId: "gpt-4o-mini" });
    expect(createModelFromString).toBe(resolveModel);
  });

  it("points ollama at the local default URL with a placeholder key, or at OLLAMA_BASE_URL", () => {
    vi.stubEnv("OLLAMA_BASE_URL", "");
    vi.stubEnv("OPENAI_API_KEY", "");
    const local = resolveModel("ollama/llama3.2") as OpenAILanguageModel;
    expect(local).toMatchObject({
      provider: "ollama",
      modelId: "llama3.2",
      baseURL: OLLAMA_DEFAULT_BASE_URL,
      capabilities: { structuredOutputs: true, multipleChoices: false, seed: true },
    });
    expect(OLLAMA_DEFAULT_BASE_URL).toBe("http://127.0.0.1:11434/v1");
    vi.stubEnv("OLLAMA_BASE_URL", "http://10.0.0.5:11434/v1");
    expect((resolveModel("ollama/llama3.2") as OpenAILanguageModel).baseURL).toBe("http://10.0.0.5:11434/v1");
    expect(
      (resolveModel("ollama/llama3.2", { baseURL: "http://127.0.0.1:1/v1" }) as OpenAILanguageModel).baseURL,
    ).toBe("http://127.0.0.1:1/v1");
  });

  it("talks to an Ollama-style server with the placeholder key, never OPENAI_API_KEY", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-real-openai-key-do-not-share");
    const server = await startTestServer({
      model: new MockLanguageModel({ modelId: "llama3.2", responses: "hi from llama" }),
      apiKey: "ollama",
    });
    const result = await resolveModel("ollama/llama3.2", { baseURL: server.url }).doGenerate(request);
    expect(result.choices[0]?.text).toBe("hi from llama");
  });

  it("requires a baseURL for openai-compatible and never sends OPENAI_API_KEY there", async () => {
    expect(MissingBaseURLError.isInstance(thrown(() => resolveModel("openai-compatible/qwen")))).toBe(true);
    vi.stubEnv("OPENAI_API_KEY", "sk-real-openai-key-do-not-share");
    const server = await startTestServer({ model: mockModel("compatible"), apiKey: "not-needed" });
    const model = resolveModel("openai-compatible/gpt-4o-mini", { baseURL: server.url });
    expect(model).toMatchObject({
      provider: "openai-compatible",
      capabilities: { structuredOutputs: false, multipleChoices: false, seed: true },
    });
    expect((await model.doGenerate(request)).choices[0]?.text).toBe("compatible");
    const keyed = await startTestServer({ model: mockModel("keyed"), apiKey: "vllm-key" });
    const withKey = resolveModel("openai-compatible/gpt-4o-mini", { baseURL: keyed.url, apiKey: "vllm-key" });
    expect((await withKey.doGenerate(request)).choices[0]?.text).toBe("keyed");
    expect(
      await rejectionOf(
        resolveModel("openai-compatible/gpt-4o-mini", { baseURL: keyed.url }).doGenerate(request),
      ),
    ).toMatchObject({
      statusCode: 401,
    });
  });

  it("throws UnknownModelError listing the known providers", () => {
    const unknown = thrown(() => resolveModel("anthropic/claude"));
    expect(UnknownModelError.isInstance(unknown)).toBe(true);
    expect(unknown).toMatchObject({
      modelString: "anthropic/claude",
      knownProviders: ["ollama", "openai", "openai-compatible", "sim"],
    });
    expect(String(unknown)).toContain("ollama, openai, openai-compatible, sim");
    const malformed = thrown(() => resolveModel("gpt-4o"));
    expect(UnknownModelError.isInstance(malformed)).toBe(true);
    expect(String(malformed)).toContain('"gpt-4o" is not a model string');
  });

  it("accepts new providers through registerProvider, and forgets them when unregistered", () => {
    const unregister = registerProvider(
      "custom",
      (modelId, options) =>
        new MockLanguageModel({
          provider: "custom",
          modelId,
          responses: String(options.timeoutMs ?? "none"),
        }),
    );
    try {
      expect(resolveModel("custom/small", { timeoutMs: 3 })).toMatchObject({
        provider: "custom",
        modelId: "small",
      });
      expect(String(thrown(() => resolveModel("nope/x")))).toContain(
        "custom, ollama, openai, openai-compatible, sim",
      );
    } finally {
      unregister();
    }
    expect(UnknownModelError.isInstance(thrown(() => resolveModel("custom/small")))).toBe(true);
  });

  it("keeps separate registries independent", () => {
    const registry = new ProviderRegistry();
    registry.register("local", (modelId) => new MockLanguageModel({ modelId, responses: "x" }));
    expect(registry.providers()).toEqual(["local"]);
    expect(registry.resolve("local/m").modelId).toBe("m");
    expect(UnknownModelError.isInstance(thrown(() => registry.resolve("openai/gpt-4o")))).toBe(true);
    expect(() => registry.register("bad name", () => mockModel())).toThrow(RangeError);
  });
});
