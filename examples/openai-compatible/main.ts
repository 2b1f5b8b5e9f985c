// The `openai/...` backend against any OpenAI-compatible server. With OPENAI_BASE_URL and/or
// OPENAI_API_KEY set it compiles against that server (OpenAI, vLLM, llama.cpp, Ollama,
// OpenRouter...); without them it starts the simulated model as an OpenAI-compatible server on
// 127.0.0.1 and points the same backend at it, so every call goes through the openai SDK over HTTP.
// Run: pnpm exec tsx examples/openai-compatible/main.ts
import { join } from "node:path";
import { createSimModel, type ModelServer, resolveModel, startModelServer } from "@lathe/adapters";
import { loadJsonl } from "@lathe/core";
import { BootstrapFewShot } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { router, Triage, triageExact } from "./program.js";

const external = process.env.OPENAI_BASE_URL !== undefined || process.env.OPENAI_API_KEY !== undefined;
let server: ModelServer | undefined;
let connection: { baseURL?: string; apiKey?: string } = {};
if (!external) {
  const localKey = "sk-local-sim";
  server = await startModelServer({
    model: (modelId) => (modelId === "small" || modelId === "large" ? createSimModel(modelId) : undefined),
    modelIds: ["small", "large"],
    apiKey: localKey,
    latencyMs: 20,
  });
  connection = { baseURL: server.url, apiKey: localKey };
  console.log(`No OPENAI_BASE_URL or OPENAI_API_KEY: serving the simulated model at ${server.url}\n`);
}

try {
  const studentId = process.env.OPENAI_MODEL ?? (external ? "gpt-4o-mini" : "small");
  const teacherId = process.env.OPENAI_TEACHER_MODEL ?? (external ? studentId : "large");
  const data = join(import.meta.dirname, "data");
  const [trainset, valset, testset] = await Promise.all(
    ["train", "dev", "test"].map((split) => loadJsonl(join(data, `${split}.jsonl`), { signature: Triage })),
  );
  await runExample({
    name: "openai-compatible",
    program: router,
    optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 4, maxLabeledDemos: 8 }),
    trainset: trainset!,
    valset: valset!,
    testset: testset!,
    metric: triageExact,
    lm: resolveModel(`openai/${studentId}`, connection),
    teacher: resolveModel(`openai/${teacherId}`, connection),
    concurrency: Number(process.env.LATHE_CONCURRENCY ?? 8),
  });
  if (server) {
    const { requests, byStatus, peakInFlight } = server.stats;
    console.log(
      requests === 0
        ? "\nEvery LM call came from .lathe/cache: the loopback server answered no requests."
        : `\nThe loopback server answered ${requests} HTTP requests (${JSON.stringify(byStatus)}), at most ${peakInFlight} at once.`,
    );
  }
} finally {
  await server?.close();
}
