import { inspect } from "node:util";
import { MockLanguageModel, type MockResponse } from "@lathe/core";
import { afterEach, expect } from "vitest";
import { type ModelServer, type ModelServerOptions, startModelServer } from "../../src/server/index.js";

const running: ModelServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Starts a model server that is closed after the current test. */
export async function startTestServer(options: ModelServerOptions): Promise<ModelServer> {
  const server = await startModelServer(options);
  running.push(server);
  return server;
}

/** A mock model named like an OpenAI model, so the Ax OpenAI service accepts it too. */
export function mockModel(
  responses: MockResponse | readonly MockResponse[] = "hello",
  latencyMs = 0,
): MockLanguageModel {
  return new MockLanguageModel({ modelId: "gpt-4o-mini", responses, latencyMs });
}

/** A mock whose answers wait until `open()` is called, to hold requests in flight on purpose. */
export function gatedModel(text = "ok"): { model: MockLanguageModel; open: () => void } {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const model = new MockLanguageModel({
    modelId: "gpt-4o-mini",
    responses: async () => {
      await gate;
      return text;
    },
  });
  return { model, open };
}

/** Asserts `secret` appears nowhere in an error: text, stack, JSON, full inspection, causes. */
export function expectNoSecret(error: unknown, secret: string): void {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    expect(String(current)).not.toContain(secret);
    expect(inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(current) ?? "").not.toContain(secret);
    if (current instanceof Error) {
      expect(current.stack ?? "").not.toContain(secret);
      current = current.cause;
    } else {
      current = undefined;
    }
  }
}

/** Resolves with what the promise rejected with; fails the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
