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
  /** Send the first half of the body as if it were all of it: a complete response that is not JSON. */
  readonly invalidJson?: boolean;
}

/** Sends a result as a `chat.completion` JSON body or as SSE `chat.completion.chunk` events. */
export function writeCompletion(
  response: ServerResponse,
  result: GenerateResult,
  identity: CompletionIdentity,
  options: WriteCompletionOptions,
): void {
  if (!options.stream) {
    if (options.invalidJson) {
      const text = JSON.stringify(chatCompletionBody(result, identity));
      const cut = text.slice(0, Math.floor(text.length / 2));
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(cut),
      });
      response.end(cut);
      return;
    }
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
  if (options.invalidJson) {
    const event = events[0] ?? "data: {}\n\n";
    response.end(`${event.slice(0, Math.floor(event.length / 2))}\n\n`);
    return;
  }
  for (const event of events) response.write(event);
  response.end("data: [DONE]\n\n");
}
