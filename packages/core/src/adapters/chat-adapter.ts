import type { ChatMessage } from "../lm/language-model.js";
import type { AnySignature } from "../signatures/signature.js";
import { parseOutputs } from "./parse/parse-outputs.js";
import type { FormatInput, ParseResult, PromptAdapter } from "./prompt-adapter.js";
import {
  assembleMessages,
  COMPLETED_MARKER,
  marker,
  renderMarkedFields,
  respondLine,
  systemHeader,
} from "./render.js";

/**
 * Field-marker text format (`[[ ## answer ## ]]`), for models without structured outputs.
 * Its parser also accepts JSON and `field: value` lines.
 */
export class ChatAdapter implements PromptAdapter {
  readonly name = "chat";

  format(signature: AnySignature, input: FormatInput): ChatMessage[] {
    return assembleMessages(
      this.system(signature, input.instructions),
      signature,
      input,
      (demo) => `${renderMarkedFields(signature.outputFields, demo)}\n\n${COMPLETED_MARKER}`,
      this.footer(signature),
    );
  }

  responseFormat(): undefined {
    return undefined;
  }

  safeParse(signature: AnySignature, completion: string): ParseResult {
    return parseOutputs(signature, completion, "markers");
  }

  retryMessage(signature: AnySignature, error: string): ChatMessage {
    return {
      role: "user",
      content: `Your previous reply could not be used: ${error}.\n\n${this.footer(signature)}`,
    };
  }

  private system(signature: AnySignature, instructions: string | undefined): string {
    const layout = signature.outputFields
      .map((field) => `${marker(field.name)}\n{${field.name}}`)
      .join("\n\n");
    return [
      systemHeader(signature, instructions),
      "",
      "Structure every reply like this, filling in the values:",
      "",
      layout,
      "",
      COMPLETED_MARKER,
    ].join("\n");
  }

  private footer(signature: AnySignature): string {
    return `${respondLine(signature)}\nWrite each value after its marker line, in that order, then end with ${COMPLETED_MARKER}.`;
  }
}
