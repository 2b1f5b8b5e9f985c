import { ChatAdapter } from "../adapters/chat-adapter.js";
import { JsonAdapter } from "../adapters/json-adapter.js";
import { OutputParseError } from "../adapters/output-parse-error.js";
import type { Demo, PromptAdapter } from "../adapters/prompt-adapter.js";
import { usableDemos } from "../adapters/render.js";
import { generate } from "../lm/generate.js";
import type { ChatMessage, FinishReason, GenerateRequest, LanguageModel } from "../lm/language-model.js";
import { getSettings, type Settings } from "../settings/settings.js";
import type { AnySignature, InferInputs, InferOutputs } from "../signatures/signature.js";
import { recordTrace } from "../trace/trace.js";
import { Module } from "./module.js";
import { InvalidInputError, NoLanguageModelError, ProgramStateError } from "./module-errors.js";
import { currentPathOf } from "./path-scope.js";
import type { ConfigurablePredictor } from "./predictor.js";
import type { PredictorState } from "./program-state.js";

/** Per-predictor settings; they take precedence over the surrounding `withSettings` scope. */
export type PredictConfig = Pick<
  Settings,
  "lm" | "adapter" | "temperature" | "maxTokens" | "maxParseRetries"
>;

/** A demonstration for a signature: some or all of its input and output values. */
export type PredictDemo<S extends AnySignature> = Partial<InferInputs<S> & InferOutputs<S>>;

const DEFAULT_PARSE_RETRIES = 2;

/** The one place an LM is called: formats a prompt from the signature, calls, parses, validates. */
export class Predict<S extends AnySignature>
  extends Module<InferInputs<S>, InferOutputs<S>>
  implements ConfigurablePredictor
{
  readonly isPredictor = true as const;
  private instructionsOverride: string | undefined;
  private demoList: readonly Demo[] = [];

  constructor(
    readonly signature: S,
    readonly config: PredictConfig = {},
  ) {
    super();
  }

  get instructions(): string {
    return this.instructionsOverride ?? this.signature.instructions;
  }

  get demos(): readonly PredictDemo<S>[] {
    return this.demoList as readonly PredictDemo<S>[];
  }

  override get inputFields(): readonly string[] {
    return this.signature.inputFields.map((field) => field.name);
  }

  getState(): PredictorState {
    return { instructions: this.instructions, demos: structuredClone(this.demoList) };
  }

  /** Internal: configures this (private) copy. Use `withState`/`withDemos` from outside. */
  applyState(state: PredictorState): void {
    if (typeof state?.instructions !== "string" || !Array.isArray(state.demos)) {
      throw new ProgramStateError("a predictor state needs { instructions: string, demos: object[] }");
    }
    if (state.demos.some((demo) => demo === null || typeof demo !== "object" || Array.isArray(demo))) {
      throw new ProgramStateError("every demo must be an object of field values");
    }
    this.instructionsOverride = state.instructions;
    this.demoList = structuredClone(state.demos);
  }

  withInstructions(instructions: string): Predict<S> {
    return this.withState({ self: { instructions, demos: this.demoList } });
  }

  withDemos(demos: readonly PredictDemo<S>[]): Predict<S> {
    return this.withState({ self: { instructions: this.instructions, demos } });
  }

  /** The exact messages that would be sent for `inputs`, without calling an LM. */
  format(inputs: InferInputs<S>, settings: Settings = {}): ChatMessage[] {
    return this.buildRequest(inputs, this.resolve(settings)).messages as ChatMessage[];
  }

  /** The exact request that would be sent for `inputs` (messages, sampling, response format). */
  request(inputs: InferInputs<S>, settings: Settings = {}): GenerateRequest {
    return this.buildRequest(inputs, this.resolve(settings));
  }

  override async forward(inputs: InferInputs<S>): Promise<InferOutputs<S>> {
    const settings = this.resolve({});
    const path = currentPathOf(this);
    const lm = settings.lm;
    if (!lm) throw new NoLanguageModelError(path);
    const adapter = chooseAdapter(settings.adapter, lm);
    const picked = this.validateInputs(inputs, path);
    const request = this.buildRequest(picked, settings, path);
    const completions: string[] = [];
    let messages = request.messages;
    let error = "";
    let finishReason: FinishReason | undefined;
    for (let attempt = 0; attempt <= (settings.maxParseRetries ?? DEFAULT_PARSE_RETRIES); attempt++) {
      const { result } = await generate(lm, { ...request, messages }, settings, path);
      const choice = result.choices[0];
      const text = choice?.text ?? "";
      completions.push(text);
      finishReason = choice?.finishReason;
      if (choice?.finishReason === "length") {
        error = "the reply was cut off by the token limit";
        break; // asking again would be cut off the same way
      }
      const parsed = choice
        ? adapter.safeParse(this.signature, text)
        : { success: false as const, error: "no choices" };
      if (parsed.success) {
        // Only the demos the prompt showed: one with no input or no output value is left out.
        const demosUsed = usableDemos(this.signature, this.demoList).length;
        recordTrace({ path, inputs: picked, outputs: parsed.data, demosUsed });
        return parsed.data as InferOutputs<S>;
      }
      error = parsed.error;
      messages = [
        ...messages,
        { role: "assistant", content: text },
        adapter.retryMessage(this.signature, error),
      ];
    }
    throw new OutputParseError({
      completions,
      expectedFields: this.signature.outputFields.map((field) => field.name),
      reason: error,
      path,
      ...(finishReason ? { finishReason } : {}),
    });
  }

  private resolve(overrides: Settings): Settings {
    const defined = (values: object) =>
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    return { ...getSettings(), ...defined(overrides), ...defined(this.config) };
  }

  private buildRequest(
    inputs: InferInputs<S>,
    settings: Settings,
    path = currentPathOf(this),
  ): GenerateRequest {
    const adapter = chooseAdapter(settings.adapter, settings.lm);
    const messages = adapter.format(this.signature, {
      instructions: this.instructions,
      demos: this.demoList,
      inputs: this.validateInputs(inputs, path),
    });
    const responseFormat = settings.lm
      ? adapter.responseFormat(this.signature, settings.lm.capabilities)
      : undefined;
    return {
      messages,
      temperature: settings.temperature ?? 0,
      rolloutId: settings.rolloutId ?? 0,
      ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
      ...(responseFormat ? { responseFormat } : {}),
      ...(settings.signal ? { signal: settings.signal } : {}),
    };
  }

  /** Only the signature's input fields, each checked against its schema. */
  private validateInputs(inputs: InferInputs<S>, path: string): InferInputs<S> {
    if (inputs === null || typeof inputs !== "object") {
      throw new InvalidInputError(
        path,
        "(all)",
        `must be given as an object, got ${inputs === null ? "null" : typeof inputs}`,
      );
    }
    const picked: Record<string, unknown> = {};
    for (const field of this.signature.inputFields) {
      const value = (inputs as Record<string, unknown>)[field.name];
      const checked = field.schema.safeParse(value);
      if (!checked.success) {
        const problem =
          value === undefined
            ? "is missing"
            : `is invalid: ${checked.error.issues[0]?.message ?? "wrong type"}`;
        throw new InvalidInputError(path, field.name, problem);
      }
      if (checked.data !== undefined) picked[field.name] = checked.data;
    }
    return picked as InferInputs<S>;
  }
}

function chooseAdapter(adapter: PromptAdapter | undefined, lm: LanguageModel | undefined): PromptAdapter {
  if (adapter) return adapter;
  return lm?.capabilities.structuredOutputs ? new JsonAdapter() : new ChatAdapter();
}
