import type { ChatMessage, LanguageModelCapabilities, ResponseFormat } from "../lm/language-model.js";
import type { AnySignature } from "../signatures/signature.js";
import { parseOutputs } from "./parse/parse-outputs.js";
import type { Demo, FormatInput, ParseResult, PromptAdapter } from "./prompt-adapter.js";
import { assembleMessages, respondLine, systemHeader } from "./render.js";
import { strictOutputSchema } from "./strict-output-schema.js";

/**
 * One JSON object per reply. Where the model supports structured outputs, the provider is
 * asked to enforce a strict JSON schema built from the signature's zod types.
 */
export class JsonAdapter implements PromptAdapter {
  readonly name = "json";

  format(signature: AnySignature, input: FormatInput): ChatMessage[] {
    const keys = signature.outputFields.map((field) => JSON.stringify(field.name)).join(", ");
    const system = `${systemHeader(signature, input.instructions)}\n\nReply with one JSON object with exactly these keys: ${keys}.`;
    const demoOutputs = (demo: Demo) =>
      JSON.stringify(
        Object.fromEntries(
          signature.outputFields
            .filter((field) => demo[field.name] !== undefined)
            .map((field) => [field.name, demo[field.name]]),
        ),
      );
    return assembleMessages(system, signature, input, demoOutputs, this.footer(signature));
  }

  responseFormat(
    signature: AnySignature,
    capabilities: LanguageModelCapabilities,
  ): ResponseFormat | undefined {
    if (!capabilities.structuredOutputs) return undefined;
    return { type: "json_schema", name: "outputs", schema: strictOutputSchema(signature), strict: true };
  }

  safeParse(signature: AnySignature, completion: string): ParseResult {
    return parseOutputs(signature, completion, "json");
  }

  retryMessage(signature: AnySignature, error: string): ChatMessage {
    return {
      role: "user",
      content: `Your previous reply could not be used: ${error}.\n\n${this.footer(signature)}`,
    };
  }

  private footer(signature: AnySignature): string {
    return `${respondLine(signature)}\nReply with one JSON object, nothing else.`;
  }
}
