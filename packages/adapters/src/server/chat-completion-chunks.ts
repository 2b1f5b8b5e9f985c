import type { GenerateResult } from "@lathe/core";
import { type CompletionIdentity, toOpenAIFinishReason, usageBody } from "./chat-completion-body.js";

const PIECE_LENGTH = 16;

/**
 * The `chat.completion.chunk` objects of a streamed answer: per choice, a role chunk, the text
 * in small pieces, then the finish reason; a final usage chunk when the client asked for it.
 */
export function chatCompletionChunks(
  result: GenerateResult,
  identity: CompletionIdentity,
  includeUsage: boolean,
): object[] {
  const chunk = (choices: object[], extra: object = {}) => ({
    id: identity.id,
    object: "chat.completion.chunk" as const,
    created: identity.created,
    model: identity.model,
    choices,
    ...extra,
  });
  const chunks: object[] = [];
  result.choices.forEach((choice, index) => {
    chunks.push(chunk([{ index, delta: { role: "assistant", content: "" }, finish_reason: null }]));
    for (let start = 0; start < choice.text.length; start += PIECE_LENGTH) {
      const content = choice.text.slice(start, start + PIECE_LENGTH);
      chunks.push(chunk([{ index, delta: { content }, finish_reason: null }]));
    }
    chunks.push(chunk([{ index, delta: {}, finish_reason: toOpenAIFinishReason(choice.finishReason) }]));
  });
  if (includeUsage) chunks.push(chunk([], { usage: usageBody(result) }));
  return chunks;
}
