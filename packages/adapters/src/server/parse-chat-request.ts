import type { ChatMessage, ChatRole, GenerateRequest, ResponseFormat } from "@lathe/core";
import { z } from "zod";

const contentPart = z.object({ type: z.string(), text: z.string().optional() });

const chatBody = z.object({
  model: z.string().min(1),
  messages: z
    .array(
      z.object({
        role: z.enum(["system", "developer", "user", "assistant"]),
        content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
      }),
    )
    .min(1),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  response_format: z
    .union([
      z.object({ type: z.literal("text") }),
      z.object({ type: z.literal("json_object") }),
      z.object({
        type: z.literal("json_schema"),
        json_schema: z.object({
          name: z.string(),
          schema: z.record(z.string(), z.unknown()).optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    ])
    .nullish(),
});

/** A chat-completion request body, read back into Lathe's terms. */
export interface ParsedChatRequest {
  readonly modelId: string;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Everything but the signal, which the server adds per connection. */
  readonly request: Omit<GenerateRequest, "signal">;
}

export type ParseChatRequestResult =
  | { readonly success: true; readonly data: ParsedChatRequest }
  | { readonly success: false; readonly message: string };

/** Maps an OpenAI chat-completion body to a `GenerateRequest`; OpenAI's defaults fill the gaps. */
export function parseChatRequest(body: unknown): ParseChatRequestResult {
  const parsed = chatBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "body";
    return { success: false, message: `Invalid request: ${where}: ${issue?.message ?? "malformed"}` };
  }
  const data = parsed.data;
  const messages: ChatMessage[] = data.messages.map((message) => ({
    role: toRole(message.role),
    content: textOf(message.content),
  }));
  const maxTokens = data.max_completion_tokens ?? data.max_tokens ?? undefined;
  const stop = typeof data.stop === "string" ? [data.stop] : (data.stop ?? undefined);
  const responseFormat = toResponseFormat(data.response_format ?? undefined);
  const request: Omit<GenerateRequest, "signal"> = {
    messages,
    temperature: data.temperature ?? 1,
    ...(maxTokens !== undefined && { maxTokens }),
    ...(data.n != null && { n: data.n }),
    ...(data.seed != null && { seed: data.seed }),
    ...(stop !== undefined && stop.length > 0 && { stop }),
    ...(responseFormat !== undefined && { responseFormat }),
  };
  return {
    success: true,
    data: {
      modelId: data.model,
      stream: data.stream ?? false,
      includeUsage: data.stream_options?.include_usage ?? false,
      request,
    },
  };
}

function toRole(role: "system" | "developer" | "user" | "assistant"): ChatRole {
  return role === "developer" ? "system" : role;
}

function textOf(content: string | readonly z.infer<typeof contentPart>[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? "").join("");
}

function toResponseFormat(
  format: z.infer<typeof chatBody>["response_format"] | undefined,
): ResponseFormat | undefined {
  if (format === undefined || format === null) return undefined;
  if (format.type === "text") return { type: "text" };
  // `json_object` has no equivalent in the spec; the prompt itself asks for JSON.
  if (format.type === "json_object") return undefined;
  const { name, schema, strict } = format.json_schema;
  return { type: "json_schema", name, schema: schema ?? {}, strict: strict ?? false };
}
