import type { ServerResponse } from "node:http";
import type { GenerateResult } from "@lathe/core";
import { type CompletionIdentity, chatCompletionBody } from "./chat-completion-body.js";
import { chatCompletionChunks } from "./chat-completion-chunks.js";
import { sendJson } from "./send-json.js";

export interface WriteCompletionOptions {
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Send part of the response, then destroy the socket. */
  readonly reset: boolean;
}

/** Sends a result as a `chat.completion` JSON body or as SSE `chat.completion.chunk` events. */
export function writeCompletion(
  response: ServerResponse,
  result: GenerateResult,
  identity: CompletionIdentity,
  options: WriteCompletionOptions,
): void {
  if (!options.stream) {
    if (!options.reset) {
      sendJson(response, 200, chatCompletionBody(result, identity));
      return;
    }
    const text = JSON.stringify(chatCompletionBody(result, identity));
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => response.destroy());
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const events = chatCompletionChunks(result, identity, options.includeUsage).map(
    (chunk) => `data: ${JSON.stringify(chunk)}\n\n`,
  );
  if (options.reset) {
    response.write(events[0] ?? "", () => response.destroy());
    return;
  }
  for (const event of events) response.write(event);
  response.end("data: [DONE]\n\n");
}
