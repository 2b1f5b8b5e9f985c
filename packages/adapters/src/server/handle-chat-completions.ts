import type { IncomingMessage, ServerResponse } from "node:http";
import { APICallError, type GenerateResult, type LanguageModel } from "@lathe/core";
import { applyContentFault } from "./apply-content-fault.js";
import type { FaultPlanner } from "./fault-planner.js";
import type { ModelServerOptions } from "./model-server-options.js";
import { parseChatRequest } from "./parse-chat-request.js";
import { readBody } from "./read-body.js";
import { retryAfterHeaders, sendError } from "./send-json.js";
import type { StatsRecorder } from "./server-stats.js";
import { wait } from "./wait.js";
import { writeCompletion } from "./write-completion.js";

/** What the chat handler shares with the server around it. */
export interface ChatHandlerContext {
  readonly options: ModelServerOptions;
  readonly stats: StatsRecorder;
  readonly planner: FaultPlanner;
  /** The arrival index of the next admitted chat request. */
  nextIndex(): number;
  resolveModel(modelId: string): LanguageModel | undefined;
}

const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
const DEFAULT_RETRY_AFTER_MS = 1000;

/** `POST /v1/chat/completions`: admission, faults, the model call, then the answer. */
export async function handleChatCompletions(
  request: IncomingMessage,
  response: ServerResponse,
  context: ChatHandlerContext,
): Promise<void> {
  const { options, stats, planner } = context;
  if (options.maxConcurrency !== undefined && stats.currentInFlight >= options.maxConcurrency) {
    const headers = retryAfterHeaders(options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
    const message = `Rate limit reached: more than ${options.maxConcurrency} requests in flight`;
    sendError(response, 429, { message, type: "rate_limit_error", code: "rate_limit_exceeded" }, headers);
    return;
  }
  const index = context.nextIndex();
  const plan = planner.plan(index);
  stats.admit();
  const disconnected = new AbortController();
  response.on("close", () => {
    stats.release();
    if (!response.writableFinished) disconnected.abort(new Error("the client closed the connection"));
  });

  const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (!body.ok) {
    // An aborted body has no one left to answer.
    if (body.reason === "too-large") sendTooLarge(response);
    return;
  }
  const json = parseJson(body.text);
  const parsed = json.ok ? parseChatRequest(json.value) : { success: false as const, message: json.message };
  if (!parsed.success) {
    sendError(response, 400, { message: parsed.message, type: "invalid_request_error", code: null });
    return;
  }
  const { modelId, stream, includeUsage } = parsed.data;
  const model = context.resolveModel(modelId);
  if (model === undefined) {
    const message = `The model \`${modelId}\` does not exist or you do not have access to it.`;
    sendError(response, 404, { message, type: "invalid_request_error", code: "model_not_found" });
    return;
  }

  const { fault } = plan;
  const delayMs = plan.latencyMs + (fault?.kind === "delay" ? fault.ms : 0);
  const signal = disconnected.signal;
  // `wait` only rejects when the client disconnects, and then there is no one to answer.
  await wait(delayMs, signal).catch(() => undefined);
  if (signal.aborted) return;
  if (fault?.kind === "status") {
    const headers = fault.retryAfterMs === undefined ? {} : retryAfterHeaders(fault.retryAfterMs);
    const type =
      fault.status === 429
        ? "rate_limit_error"
        : fault.status >= 500
          ? "server_error"
          : "invalid_request_error";
    sendError(
      response,
      fault.status,
      { message: `Injected fault: HTTP ${fault.status}`, type, code: null },
      headers,
    );
    return;
  }

  let result: GenerateResult;
  try {
    result = await model.doGenerate({ ...parsed.data.request, signal });
  } catch (error) {
    if (signal.aborted) return;
    const status = APICallError.isInstance(error) && (error.statusCode ?? 0) >= 400 ? error.statusCode! : 500;
    const message = `The model failed: ${error instanceof Error ? error.message : String(error)}`;
    sendError(response, status, {
      message,
      type: status >= 500 ? "server_error" : "invalid_request_error",
      code: null,
    });
    return;
  }
  const identity = { id: `chatcmpl-lathe-${index}`, model: modelId, created: Math.floor(Date.now() / 1000) };
  writeCompletion(response, applyContentFault(result, fault, plan.rng), identity, {
    stream,
    includeUsage,
    reset: fault?.kind === "reset",
    invalidJson: fault?.kind === "invalid-json",
  });
}

function sendTooLarge(response: ServerResponse): void {
  const error = {
    message: "Request body too large",
    type: "invalid_request_error",
    code: "request_too_large",
  };
  sendError(response, 413, error, { connection: "close" });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      message: `Invalid JSON body: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
