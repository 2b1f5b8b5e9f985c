import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LanguageModel } from "@lathe/core";
import type { Fault } from "./fault.js";
import { FaultPlanner } from "./fault-planner.js";
import { handleChatCompletions } from "./handle-chat-completions.js";
import { isAuthorized } from "./is-authorized.js";
import type { ModelServerOptions } from "./model-server-options.js";
import { sendError, sendJson } from "./send-json.js";
import { type ServerStats, StatsRecorder } from "./server-stats.js";

/** A running OpenAI-compatible server. */
export interface ModelServer {
  /** Base URL for OpenAI clients, e.g. `http://127.0.0.1:53117/v1`. */
  readonly url: string;
  readonly port: number;
  /** A snapshot of the counters, taken when read. */
  readonly stats: ServerStats;
  /** Makes the next `times` chat requests fail with `fault`, ahead of random faults. */
  failNext(fault: Fault, times?: number): void;
  /** Stops listening and destroys every open connection; calling it again is harmless. */
  close(): Promise<void>;
}

/**
 * Serves a `LanguageModel` over the OpenAI chat-completions API on 127.0.0.1, with seeded
 * fault injection: `POST /v1/chat/completions` (JSON or SSE with `stream: true`) and
 * `GET /v1/models`.
 */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const stats = new StatsRecorder();
  const planner = new FaultPlanner(options);
  let requestIndex = 0;
  const resolveModel = modelResolver(options.model);
  const context = { options, stats, planner, resolveModel, nextIndex: () => requestIndex++ };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    stats.received();
    response.on("close", () => stats.ended(response.statusCode, response.writableFinished));
    if (!isAuthorized(request, options.apiKey)) {
      const message = "Incorrect API key provided.";
      return sendError(response, 401, { message, type: "invalid_request_error", code: "invalid_api_key" });
    }
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
    if (path === "/v1/chat/completions" && request.method === "POST") {
      return handleChatCompletions(request, response, context);
    }
    if (path === "/v1/models" && request.method === "GET") {
      const created = Math.floor(Date.now() / 1000);
      const data = listedModelIds(options).map((id) => ({ id, object: "model", created, owned_by: "lathe" }));
      return sendJson(response, 200, { object: "list", data });
    }
    const message = `Unknown request: ${request.method} ${path}`;
    sendError(response, 404, { message, type: "invalid_request_error", code: "unknown_url" });
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      const message = `Internal server error: ${error instanceof Error ? error.message : String(error)}`;
      sendError(response, 500, { message, type: "server_error", code: null });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    get stats() {
      return stats.snapshot();
    },
    failNext: (fault, times = 1) => planner.enqueue(fault, times),
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

function modelResolver(model: ModelServerOptions["model"]): (modelId: string) => LanguageModel | undefined {
  if (typeof model === "function") return model;
  return (modelId) => (modelId === model.modelId ? model : undefined);
}

function listedModelIds(options: ModelServerOptions): readonly string[] {
  return typeof options.model === "function" ? (options.modelIds ?? []) : [options.model.modelId];
}
