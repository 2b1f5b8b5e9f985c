import { AxAIOpenAI, type AxAIService, type AxChatRequest, AxMockAIService } from "@ax-llm/ax";
import type { ChatMessage, LanguageModel } from "@lathe/core";

type AxPromptMessage = AxChatRequest["chatPrompt"][number];

function textOf(message: AxPromptMessage): string {
  const content = (message as { content?: unknown }).content;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
  }
  return "";
}

/** Ax's chat prompt as plain messages (Ax has no other roles in these programs). */
export function toChatMessages(prompt: readonly AxPromptMessage[]): ChatMessage[] {
  return prompt
    .filter((message) => message.role === "system" || message.role === "user" || message.role === "assistant")
    .map((message) => ({ role: message.role as ChatMessage["role"], content: textOf(message) }));
}

/**
 * An in-process Ax AI service answered by a Lathe `LanguageModel` (Ax's own published mock
 * service with a response function): Ax's prompt goes to the model as is, with Ax's sampling
 * settings (temperature 0 unless Ax asks for more, as Ax's OpenAI service defaults).
 */
export function axServiceFromModel(model: LanguageModel, name: string): AxAIService {
  return new AxMockAIService({
    name,
    features: { functions: false, streaming: false },
    chatResponse: async (request: Readonly<AxChatRequest<unknown>>) => {
      const result = await model.doGenerate({
        messages: toChatMessages(request.chatPrompt),
        temperature: request.modelConfig?.temperature ?? 0,
        ...(request.modelConfig?.maxTokens !== undefined ? { maxTokens: request.modelConfig.maxTokens } : {}),
      });
      return {
        results: result.choices.map((choice, index) => ({
          index,
          content: choice.text,
          finishReason: choice.finishReason === "length" ? "length" : "stop",
        })),
        modelUsage: {
          ai: name,
          model: model.modelId,
          tokens: {
            promptTokens: result.usage.promptTokens,
            completionTokens: result.usage.completionTokens,
            totalTokens: result.usage.promptTokens + result.usage.completionTokens,
          },
        },
      };
    },
  }) as AxAIService;
}

/** Ax's OpenAI service pointed at an OpenAI-compatible server. */
export function axOpenAIService(options: {
  baseURL: string;
  apiKey: string;
  model: string;
  fetch?: typeof fetch;
}): AxAIService {
  return new AxAIOpenAI({
    apiKey: options.apiKey,
    apiURL: options.baseURL,
    config: { model: options.model as never, stream: false },
    ...(options.fetch ? { options: { fetch: options.fetch } } : {}),
  }) as AxAIService;
}
