import type { AxChatRequest } from "@ax-llm/ax";
import type { GenerateRequest, LanguageModelCapabilities } from "@lathe/core";

export interface AxChatRequestWithWarnings {
  readonly request: AxChatRequest<string>;
  /** Settings left out because the service cannot honour them. */
  readonly warnings: readonly string[];
}

/** Maps a Lathe request to an Ax chat request, with streaming off. */
export function toAxChatRequest(
  request: GenerateRequest,
  model: string | undefined,
  capabilities: LanguageModelCapabilities,
): AxChatRequestWithWarnings {
  const warnings: string[] = [];
  const n = request.n ?? 1;
  if (n > 1 && !capabilities.multipleChoices) {
    warnings.push(`n=${n} is not supported by this Ax service; asked for one choice`);
  }
  if (request.seed !== undefined) warnings.push("seed is not supported through Ax; it was not sent");
  const format = request.responseFormat;
  if (format?.type === "json_schema" && !capabilities.structuredOutputs) {
    warnings.push("structured outputs are not supported by this Ax service; the JSON schema was not sent");
  }
  const axRequest: AxChatRequest<string> = {
    chatPrompt: request.messages.map((message) => ({ role: message.role, content: message.content })),
    modelConfig: {
      temperature: request.temperature,
      stream: false,
      ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
      ...(n > 1 && capabilities.multipleChoices && { n }),
      ...(request.stop !== undefined && request.stop.length > 0 && { stopSequences: [...request.stop] }),
    },
    // Ax's OpenAI-style services forward `schema` as the `json_schema` object ({ name, strict, schema }).
    ...(format?.type === "json_schema" &&
      capabilities.structuredOutputs && {
        responseFormat: {
          type: "json_schema",
          schema: { name: format.name, strict: format.strict, schema: format.schema },
        },
      }),
    ...(model !== undefined && { model }),
  };
  return { request: axRequest, warnings };
}
