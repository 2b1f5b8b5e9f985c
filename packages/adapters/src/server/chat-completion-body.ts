import type { FinishReason, GenerateResult } from "@lathe/core";

/** Identity of one response, shared by the full body and its stream chunks. */
export interface CompletionIdentity {
  readonly id: string;
  readonly model: string;
  /** Unix seconds. */
  readonly created: number;
}

type OpenAIFinishReason = "stop" | "length" | "content_filter" | "tool_calls";

/** OpenAI has no "error"/"other" finish reason; both read as a plain stop. */
export function toOpenAIFinishReason(reason: FinishReason): OpenAIFinishReason {
  return reason === "length" || reason === "content_filter" || reason === "tool_calls" ? reason : "stop";
}

export function usageBody(result: GenerateResult) {
  const { promptTokens, completionTokens } = result.usage;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** A `chat.completion` object as the OpenAI API returns it. */
export function chatCompletionBody(result: GenerateResult, identity: CompletionIdentity) {
  return {
    id: identity.id,
    object: "chat.completion" as const,
    created: identity.created,
    model: identity.model,
    choices: result.choices.map((choice, index) => ({
      index,
      message: { role: "assistant" as const, content: choice.text, refusal: null },
      logprobs: null,
      finish_reason: toOpenAIFinishReason(choice.finishReason),
    })),
    usage: usageBody(result),
  };
}
