import type { FinishReason, GenerateChoice, GenerateResult } from "@lathe/core";
import type { ChatCompletion } from "openai/resources/chat/completions";

/** Maps a chat completion to Lathe choices and usage (0 when the server reports none). */
export function fromChatCompletion(completion: ChatCompletion): Omit<GenerateResult, "retries"> {
  const warnings: string[] = [];
  const choices: GenerateChoice[] = [...completion.choices]
    .sort((left, right) => left.index - right.index)
    .map((choice) => {
      const refusal = choice.message?.refusal;
      if (refusal) warnings.push(`choice ${choice.index} was refused: ${refusal}`);
      return {
        text: choice.message?.content ?? "",
        finishReason: refusal ? "content_filter" : toFinishReason(choice.finish_reason),
      };
    });
  return {
    choices,
    usage: {
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
    },
    ...(warnings.length > 0 && { warnings }),
  };
}

function toFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case "stop":
    case "length":
    case "content_filter":
    case "tool_calls":
      return reason;
    case "function_call":
      return "tool_calls";
    default:
      return "other";
  }
}
