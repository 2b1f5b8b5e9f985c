import type { AxChatResponse, AxChatResponseResult } from "@ax-llm/ax";
import type { FinishReason, GenerateResult } from "@lathe/core";

/** Maps an Ax chat response to Lathe choices and usage (0 when the service reports none). */
export function fromAxChatResponse(response: AxChatResponse): GenerateResult {
  const choices = [...response.results]
    .sort((left, right) => left.index - right.index)
    .map((result) => ({ text: result.content ?? "", finishReason: toFinishReason(result.finishReason) }));
  const tokens = response.modelUsage?.tokens;
  return {
    choices,
    usage: { promptTokens: tokens?.promptTokens ?? 0, completionTokens: tokens?.completionTokens ?? 0 },
  };
}

function toFinishReason(reason: AxChatResponseResult["finishReason"]): FinishReason {
  if (reason === undefined) return "other";
  return reason === "function_call" ? "tool_calls" : reason;
}
