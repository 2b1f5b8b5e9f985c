import type { ChatMessage, ResponseFormat } from "@lathe/core";
import { hasMarker, parseMarkers } from "./field-markers.js";
import { isRecord, parseJsonObject } from "./field-values.js";

/** A field as the system message declares it: `1. \`name\` (type): description`. */
export interface DeclaredField {
  readonly name: string;
  /** The text in parentheses, e.g. `string` or `one of: "a", "b"`. */
  readonly type: string;
}

/** A prior user/assistant turn pair: raw input texts and the outputs the assistant gave. */
export interface ParsedDemo {
  readonly inputs: ReadonlyMap<string, string>;
  /** Marker values are raw text; JSON values keep their JSON type. */
  readonly outputs: ReadonlyMap<string, unknown>;
}

/** What the sim reads from a request. */
export interface ParsedPrompt {
  readonly systemText: string;
  /** Every message's content, for teacher mode. */
  readonly allText: string;
  readonly declaredInputs: readonly DeclaredField[];
  readonly declaredOutputs: readonly DeclaredField[];
  /** Output field names to answer, in order. */
  readonly requestedOutputs: readonly string[];
  readonly jsonMode: boolean;
  /** JSON-schema `type` per property of a `json_schema` response format. */
  readonly schemaTypes: ReadonlyMap<string, string>;
  /** Raw input values of the query, when it has input markers. */
  readonly query: ReadonlyMap<string, string> | undefined;
  readonly demos: readonly ParsedDemo[];
}

const retryPrefix = "Your previous reply could not be used:";

/** Reads a chat request the way Lathe's Chat and JSON adapters write it; never throws. */
export function parsePrompt(messages: readonly ChatMessage[], responseFormat?: ResponseFormat): ParsedPrompt {
  const systemText = messages
    .filter((message) => message.role === "system")
    .map((message) => message.content)
    .join("\n\n");
  const declaredInputs = parseFieldList(systemText, "Your input fields are:");
  const declaredOutputs = parseFieldList(systemText, "Your output fields are:");
  const inputNames =
    declaredInputs.length > 0 ? new Set(declaredInputs.map((field) => field.name)) : undefined;
  const isInputTurn = (message: ChatMessage) =>
    message.role === "user" &&
    !message.content.startsWith(retryPrefix) &&
    hasMarker(message.content, inputNames);

  const queryIndex = messages.findLastIndex(isInputTurn);
  const queryMessage = queryIndex >= 0 ? messages[queryIndex] : undefined;
  const demos: ParsedDemo[] = [];
  for (let index = 0; index < queryIndex; index++) {
    const message = messages[index]!;
    const reply = messages[index + 1];
    if (isInputTurn(message) && reply?.role === "assistant") {
      demos.push({ inputs: parseMarkers(message.content), outputs: parseCompletion(reply.content) });
    }
  }

  const schemaTypes = readSchemaTypes(responseFormat);
  const lastUser = messages.findLastIndex((message) => message.role === "user");
  const requested =
    requestedFrom(queryMessage?.content ?? "") ??
    requestedFrom(messages[lastUser]?.content ?? "") ??
    (declaredOutputs.length > 0 ? declaredOutputs.map((field) => field.name) : [...schemaTypes.keys()]);

  return {
    systemText,
    allText: messages.map((message) => message.content).join("\n\n"),
    declaredInputs,
    declaredOutputs,
    requestedOutputs: requested,
    jsonMode: responseFormat?.type === "json_schema" || systemText.includes("Reply with one JSON object"),
    schemaTypes,
    query: queryMessage ? parseMarkers(queryMessage.content) : undefined,
    demos,
  };
}

/** An assistant completion: one JSON object, or field markers. */
export function parseCompletion(text: string): Map<string, unknown> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("```")) {
    const object = parseJsonObject(trimmed);
    if (object) return new Map(Object.entries(object));
  }
  return parseMarkers(text);
}

function parseFieldList(system: string, header: string): DeclaredField[] {
  const start = system.indexOf(header);
  if (start < 0) return [];
  const fields: DeclaredField[] = [];
  for (const line of system.slice(start + header.length).split(/\r?\n/)) {
    const match = /^\s*\d+\.\s*`(\w+)`\s*(?:\(([^)]*)\))?/.exec(line);
    if (match) fields.push({ name: match[1]!, type: (match[2] ?? "string").trim() });
    else if (fields.length > 0 || line.trim() !== "") break;
  }
  return fields;
}

function requestedFrom(text: string): string[] | undefined {
  const line = /Respond with the output fields? ([^\n]*)/.exec(text)?.[1];
  if (line === undefined) return undefined;
  const names = [...line.matchAll(/`(\w+)`/g)]
    .map((match) => match[1]!)
    .filter((name) => name !== "completed");
  return names.length > 0 ? names : undefined;
}

function readSchemaTypes(responseFormat: ResponseFormat | undefined): Map<string, string> {
  const types = new Map<string, string>();
  if (responseFormat?.type !== "json_schema") return types;
  const properties = responseFormat.schema.properties;
  if (!isRecord(properties)) return types;
  for (const [name, schema] of Object.entries(properties)) {
    const type = isRecord(schema) ? schema.type : undefined;
    types.set(name, typeof type === "string" ? type : Array.isArray(type) ? String(type[0]) : "string");
  }
  return types;
}
