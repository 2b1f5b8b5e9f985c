export { ChatAdapter } from "./chat-adapter.js";
export { JsonAdapter } from "./json-adapter.js";
export { OutputParseError } from "./output-parse-error.js";
export { extractJsonObject } from "./parse/extract-json.js";
export { outputObjectSchema, parseOutputs } from "./parse/parse-outputs.js";
export type { Demo, FormatInput, ParseResult, PromptAdapter } from "./prompt-adapter.js";
export { strictOutputSchema } from "./strict-output-schema.js";
