import {
  type AnySignature,
  type GenerateRequest,
  type GenerateResult,
  JsonAdapter,
  type LanguageModel,
  signature,
} from "@lathe/core";
import { z } from "zod";
import { type AxFieldKind, type AxPrompt, type AxPromptField, parseAxPrompt } from "./parse-ax-prompt.js";

const schemaOf = (field: AxPromptField): z.ZodType => {
  switch (field.kind) {
    case "class":
      return z.enum((field.options ?? [""]) as [string, ...string[]]);
    case "number":
      return z.number();
    case "boolean":
      return z.boolean();
    case "string[]":
      return z.array(z.string());
    default:
      return z.string();
  }
};

function decode(text: string, kind: AxFieldKind): unknown {
  const trimmed = text.trim();
  if (kind === "number") return Number(trimmed);
  if (kind === "boolean") return /^true$/i.test(trimmed);
  if (kind === "string[]") {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: Ax also writes lists as markdown bullets or comma-separated text.
    }
    return trimmed
      .split(/\n|,\s*/)
      .map((item) => item.replace(/^[-*]\s*/, "").trim())
      .filter((item) => item !== "");
  }
  return trimmed;
}

function encode(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The Lathe signature with the same fields as an Ax prompt. */
function toSignature(prompt: AxPrompt): AnySignature {
  let built: AnySignature = signature(prompt.instructions);
  for (const field of prompt.inputs) built = built.input(field.key, z.string(), field.description);
  for (const field of prompt.outputs) built = built.output(field.key, schemaOf(field), field.description);
  return built;
}

/**
 * Wraps a model that reads Lathe's prompt formats (the simulated model) so that it also reads
 * prompts written by Ax's `AxGen` template: instructions, field descriptions, every demo and the
 * query are carried over unchanged into Lathe's JSON-adapter layout, and the answer is written
 * back as Ax's `key: value` lines. Requests that are not Ax prompts pass through untouched.
 */
export function axDialect(inner: LanguageModel): LanguageModel {
  const adapter = new JsonAdapter();
  return {
    specificationVersion: inner.specificationVersion,
    provider: inner.provider,
    modelId: inner.modelId,
    capabilities: inner.capabilities,
    async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
      const prompt = parseAxPrompt(request.messages);
      if (!prompt) return inner.doGenerate(request);
      const translated = toSignature(prompt);
      const kinds = new Map(prompt.outputs.map((field) => [field.key, field.kind]));
      const demos = prompt.demos.map((demo) => ({
        ...Object.fromEntries([...demo.inputs].map(([key, value]) => [key, value])),
        ...Object.fromEntries(
          [...demo.outputs].map(([key, value]) => [key, decode(value, kinds.get(key) ?? "string")]),
        ),
      }));
      const inputs = Object.fromEntries([...prompt.query].map(([key, value]) => [key, value]));
      const responseFormat = adapter.responseFormat(translated, inner.capabilities);
      const result = await inner.doGenerate({
        ...request,
        messages: adapter.format(translated, { instructions: prompt.instructions, demos, inputs }),
        ...(responseFormat ? { responseFormat } : {}),
      });
      return {
        ...result,
        choices: result.choices.map((choice) => {
          const parsed = adapter.safeParse(translated, choice.text);
          if (!parsed.success) return choice;
          const lines = prompt.outputs.map((field) => `${field.key}: ${encode(parsed.data[field.key])}`);
          return { ...choice, text: lines.join("\n") };
        }),
      };
    },
  };
}
