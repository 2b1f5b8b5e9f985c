import type { GenerateRequest, LanguageModelCapabilities } from "@lathe/core";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { MaxTokensParameter } from "./openai-options.js";

export interface ChatCompletionParams {
  readonly params: ChatCompletionCreateParamsNonStreaming;
  /** Settings left out because the provider cannot honour them. */
  readonly warnings: readonly string[];
}

/**
 * Maps a Lathe request to chat-completion parameters. `rolloutId` and the signal are not sent;
 * settings beyond the provider's capabilities are dropped with a warning.
 */
export function toChatCompletionParams(
  modelId: string,
  request: GenerateRequest,
  capabilities: LanguageModelCapabilities,
  maxTokensParameter: MaxTokensParameter,
): ChatCompletionParams {
  const warnings: string[] = [];
  const n = request.n ?? 1;
  if (n > 1 && !capabilities.multipleChoices) {
    warnings.push(`n=${n} is not supported by this provider; asked for one choice`);
  }
  if (request.seed !== undefined && !capabilities.seed) {
    warnings.push("seed is not supported by this provider; it was not sent");
  }
  const format = request.responseFormat;
  if (format?.type === "json_schema" && !capabilities.structuredOutputs) {
    warnings.push("structured outputs are not supported by this provider; the JSON schema was not sent");
  }
  const params: ChatCompletionCreateParamsNonStreaming = {
    model: modelId,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    temperature: request.temperature,
    ...(request.maxTokens !== undefined && { [maxTokensParameter]: request.maxTokens }),
    ...(n > 1 && capabilities.multipleChoices && { n }),
    ...(request.seed !== undefined && capabilities.seed && { seed: request.seed }),
    ...(request.stop !== undefined && request.stop.length > 0 && { stop: [...request.stop] }),
    ...(format?.type === "json_schema" &&
      capabilities.structuredOutputs && {
        response_format: {
          type: "json_schema",
          json_schema: { name: format.name, schema: { ...format.schema }, strict: format.strict },
        },
      }),
    ...(format?.type === "text" && { response_format: { type: "text" } }),
  };
  return { params, warnings };
}
