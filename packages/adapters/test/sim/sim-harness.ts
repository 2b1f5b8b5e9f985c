import type { ChatMessage, GenerateRequest, LanguageModel, ResponseFormat } from "@lathe/core";
import {
  type SimExample,
  type SimField,
  type SimStage,
  type SimTask,
  type SimValues,
  searchSimCorpus,
} from "../../src/sim/index.js";

/** How a prompt is laid out: Lathe's ChatAdapter (field markers) or JsonAdapter. */
export type PromptFormat = "chat" | "json";

export interface PromptSpec {
  readonly instructions: string;
  readonly inputs: readonly SimField[];
  readonly outputs: readonly SimField[];
  readonly demos?: readonly SimValues[];
  readonly query: SimValues;
  readonly format: PromptFormat;
}

export const reasoningField: SimField = {
  name: "reasoning",
  type: "string",
  description: "think step by step",
};

const typeText = (field: SimField) =>
  field.type === "enum"
    ? `one of: ${(field.values ?? []).map((value) => `"${value}"`).join(", ")}`
    : field.type;
const valueText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const markers = (fields: readonly SimField[], values: SimValues) =>
  fields
    .filter((field) => values[field.name] !== undefined)
    .map((field) => `[[ ## ${field.name} ## ]]\n${valueText(values[field.name])}`)
    .join("\n\n");

/** Renders a request exactly as Lathe's prompt adapters do (see the sim brief). */
export function renderPrompt(spec: PromptSpec): { messages: ChatMessage[]; responseFormat?: ResponseFormat } {
  const list = (fields: readonly SimField[]) =>
    fields
      .map((field, index) => `${index + 1}. \`${field.name}\` (${typeText(field)}): ${field.description}`)
      .join("\n");
  const names = spec.outputs.map((field) => `\`${field.name}\``).join(", ");
  const formatBlock =
    spec.format === "chat"
      ? `All interactions will be structured in the following way, with the appropriate values filled in.\n\n${[...spec.inputs, ...spec.outputs].map((field) => `[[ ## ${field.name} ## ]]\n{${field.name}}`).join("\n\n")}\n\n[[ ## completed ## ]]`
      : `Reply with one JSON object with exactly these keys: ${spec.outputs.map((field) => `"${field.name}"`).join(", ")}.`;
  const system = `${spec.instructions}\n\nYour input fields are:\n${list(spec.inputs)}\nYour output fields are:\n${list(spec.outputs)}\n\n${formatBlock}`;
  const messages: ChatMessage[] = [{ role: "system", content: system }];
  for (const demo of spec.demos ?? []) {
    messages.push({ role: "user", content: markers(spec.inputs, demo) });
    const outputs = spec.outputs.filter((field) => demo[field.name] !== undefined);
    const reply =
      spec.format === "chat"
        ? `${markers(outputs, demo)}\n\n[[ ## completed ## ]]`
        : JSON.stringify(Object.fromEntries(outputs.map((field) => [field.name, demo[field.name]])));
    messages.push({ role: "assistant", content: reply });
  }
  const respond =
    spec.format === "chat"
      ? `Respond with the output fields ${names}, then the marker \`[[ ## completed ## ]]\`.`
      : `Respond with the output fields ${names} as one JSON object.`;
  messages.push({ role: "user", content: `${markers(spec.inputs, spec.query)}\n\n${respond}` });
  if (spec.format === "chat") return { messages };
  const jsonType = (field: SimField) =>
    field.type === "string[]"
      ? { type: "array", items: { type: "string" } }
      : field.type === "enum"
        ? { type: "string", enum: field.values }
        : { type: field.type };
  const schema = {
    type: "object",
    properties: Object.fromEntries(spec.outputs.map((field) => [field.name, jsonType(field)])),
    required: spec.outputs.map((field) => field.name),
    additionalProperties: false,
  };
  return { messages, responseFormat: { type: "json_schema", name: "outputs", schema, strict: true } };
}

/** Parses a completion like the adapters would: JSON, or field markers decoded by field type. */
export function parseReply(text: string, fields: readonly SimField[]): Record<string, unknown> {
  if (text.trim().startsWith("{")) return JSON.parse(text) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const match = new RegExp(`\\[\\[ ## ${field.name} ## \\]\\]\\n([\\s\\S]*?)\\n\\n\\[\\[ ## `).exec(text);
    if (!match) continue;
    const raw = match[1]!;
    values[field.name] = field.type === "string" || field.type === "enum" ? raw : JSON.parse(raw);
  }
  return values;
}

/** How a program is prompted: instructions and demos per stage name, format, chain of thought. */
export interface ProgramSetup {
  readonly instructions?: Readonly<Record<string, string>>;
  readonly demos?: Readonly<Record<string, readonly SimValues[]>>;
  readonly format?: PromptFormat;
  readonly reasoning?: boolean;
  readonly temperature?: number;
}

export function stageRequest(stage: SimStage, query: SimValues, setup: ProgramSetup): GenerateRequest {
  const outputs = setup.reasoning ? [reasoningField, ...stage.outputs] : stage.outputs;
  const rendered = renderPrompt({
    instructions: setup.instructions?.[stage.name] ?? stage.instruction,
    inputs: stage.inputs,
    outputs,
    demos: setup.demos?.[stage.name] ?? [],
    query,
    format: setup.format ?? "chat",
  });
  return { ...rendered, temperature: setup.temperature ?? 0 };
}

async function runStage(model: LanguageModel, stage: SimStage, query: SimValues, setup: ProgramSetup) {
  const result = await model.doGenerate(stageRequest(stage, query, setup));
  return parseReply(
    result.choices[0]!.text,
    setup.reasoning ? [reasoningField, ...stage.outputs] : stage.outputs,
  );
}

/** Runs a task's program on one row: one call, or for town-qa search → corpus → answer. */
export async function runProgram(model: LanguageModel, task: SimTask, row: SimValues, setup: ProgramSetup) {
  const [first, second] = task.stages;
  const firstOut = await runStage(model, first!, row, setup);
  if (!second) return firstOut;
  const passages = searchSimCorpus(String(firstOut.search_query ?? ""));
  return runStage(model, second, { question: row.question, passages }, setup);
}

/** Share of rows whose every output is right. */
export async function accuracy(
  model: LanguageModel,
  task: SimTask,
  rows: readonly SimExample[],
  setup: ProgramSetup,
) {
  let correct = 0;
  for (const row of rows) {
    const prediction = await runProgram(model, task, row, setup);
    if (task.score(row, prediction).score === 1) correct++;
  }
  return correct / rows.length;
}

/** Base instruction plus the first canonical sentence of every rule, per stage. */
export function allRulesInstructions(task: SimTask): Record<string, string> {
  return Object.fromEntries(
    task.stages.map((stage) => [
      stage.name,
      [stage.instruction, ...stage.rules.map((rule) => rule.sentences[0])].join(" "),
    ]),
  );
}

/** The demo a stage would see for a row (the answer stage gets the passages its gold query finds). */
export function stageDemo(task: SimTask, stage: SimStage, row: SimValues): SimValues {
  if (stage.name !== "answer" || task.name !== "town-qa") return row;
  return { ...row, passages: searchSimCorpus(String(row.search_query)) };
}

/**
 * Up to `perRule` rows exhibiting each rule of each stage, as demos: by default the common rules
 * only (what a bootstrap of a few traces tends to find), or every rule (a curated demo set).
 */
export function goodDemos(
  task: SimTask,
  train: readonly SimExample[],
  perRule = 2,
  rules: "common" | "every" = "common",
): Record<string, SimValues[]> {
  return Object.fromEntries(
    task.stages.map((stage) => {
      const rows = stage.rules
        .filter((rule) => rules === "every" || rule.kind === "common")
        .flatMap((rule) => train.filter((row) => rule.applies(row)).slice(0, perRule));
      return [stage.name, [...new Set(rows)].map((row) => stageDemo(task, stage, row))];
    }),
  );
}

/** A stage's mistakes on rows: the stage query, what the model said and the gold outputs. */
export async function stageFailures(
  model: LanguageModel,
  task: SimTask,
  stage: SimStage,
  rows: readonly SimExample[],
  setup: ProgramSetup,
) {
  const failures: { query: SimValues; predicted: SimValues; expected: SimValues; feedback: string }[] = [];
  for (const row of rows) {
    const query = stageDemo(task, stage, row);
    const expected = stage.label(query) ?? {};
    const predicted = await runStage(model, stage, query, setup);
    const score = task.score(expected, predicted);
    const wrong = stage.outputs.some((field) => score.feedback?.includes(`${field.name}: expected`));
    if (wrong) failures.push({ query, predicted, expected, feedback: score.feedback ?? "" });
  }
  return failures;
}

const fieldsText = (fields: readonly SimField[], values: SimValues) =>
  fields.map((field) => `${field.name}: ${valueText(values[field.name])}`).join("\n");

/** Failures as a MetaPrompt/GEPA-style text block: inputs, model output, expected output, feedback. */
export function formatFailures(stage: SimStage, failures: Awaited<ReturnType<typeof stageFailures>>): string {
  return failures
    .map(
      (failure, index) =>
        `Example ${index + 1}\n${fieldsText(stage.inputs, failure.query)}\nModel output:\n${fieldsText(stage.outputs, failure.predicted)}\nExpected output:\n${fieldsText(stage.outputs, failure.expected)}\nFeedback: ${failure.feedback}`,
    )
    .join("\n\n");
}

/** Plain demos as a proposer would show them: inputs then outputs. */
export function formatExamples(stage: SimStage, rows: readonly SimValues[]): string {
  return rows
    .map((row, index) => `Example ${index + 1}\n${fieldsText([...stage.inputs, ...stage.outputs], row)}`)
    .join("\n\n");
}

export const teacherInputs: readonly SimField[] = [
  { name: "task_description", type: "string", description: "what the program does" },
  { name: "current_instruction", type: "string", description: "the instruction to improve" },
  { name: "examples", type: "string", description: "examples, with failures and expected outputs" },
];
export const teacherOutputs: readonly SimField[] = [
  { name: "hypothesis", type: "string", description: "one sentence on what goes wrong" },
  { name: "improved_instruction", type: "string", description: "the new instruction" },
];

/** A request asking the teacher for a better instruction for one stage. */
export function teacherRequest(
  task: SimTask,
  stage: SimStage,
  currentInstruction: string,
  examples: string,
  options: { format?: PromptFormat; temperature?: number; rolloutId?: number } = {},
): GenerateRequest {
  const rendered = renderPrompt({
    instructions: "You improve the instruction of one step of a language-model program. Study the examples.",
    inputs: teacherInputs,
    outputs: teacherOutputs,
    query: {
      task_description: `${task.description} (step: ${stage.name})`,
      current_instruction: currentInstruction,
      examples: examples === "" ? "(none)" : examples,
    },
    format: options.format ?? "chat",
  });
  return { ...rendered, temperature: options.temperature ?? 0, rolloutId: options.rolloutId ?? 0 };
}

/** The teacher's proposed instruction for a stage. */
export async function proposeInstruction(teacher: LanguageModel, request: GenerateRequest): Promise<string> {
  const result = await teacher.doGenerate(request);
  return String(parseReply(result.choices[0]!.text, teacherOutputs).improved_instruction ?? "");
}
