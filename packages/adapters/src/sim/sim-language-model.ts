import type { GenerateRequest, GenerateResult, LanguageModel, LanguageModelCapabilities } from "@lathe/core";
import { resolveSimProfile, type SimModelId, type SimModelProfile } from "./model-profiles.js";
import { parsePrompt } from "./prompt/parse-prompt.js";
import { simTasks } from "./sim-tasks.js";
import type { SimTrace } from "./sim-trace.js";
import type { SimTask } from "./sim-types.js";
import { type SimulatedChoice, simulateChoice } from "./simulate-choice.js";

/** Options of `createSimModel`. */
export interface SimModelOptions {
  /** The tasks the model recognises. @default every task in `simTasks` */
  readonly tasks?: readonly SimTask[];
}

/** About four characters per token. */
const approximateTokens = (characters: number) => Math.ceil(characters / 4);

/**
 * A deterministic, offline simulated model that behaves like an in-context learner on the sim
 * tasks (and writes instructions as a teacher). Its output is a pure function of the model id,
 * messages, response format, temperature, rollout id and choice index.
 */
export class SimLanguageModel implements LanguageModel {
  readonly specificationVersion = "v1" as const;
  readonly provider = "sim";
  readonly modelId: string;
  readonly capabilities: LanguageModelCapabilities = {
    structuredOutputs: true,
    multipleChoices: true,
    seed: true,
  };
  readonly profile: SimModelProfile;
  private readonly tasks: readonly SimTask[];

  constructor(modelId: SimModelId | (string & {}), options: SimModelOptions = {}) {
    this.profile = resolveSimProfile(modelId);
    this.modelId = modelId;
    this.tasks = options.tasks ?? Object.values(simTasks);
  }

  async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
    request.signal?.throwIfAborted();
    const choices = this.simulate(request).map(({ text }) => {
      const limit = request.maxTokens === undefined ? Number.POSITIVE_INFINITY : request.maxTokens * 4;
      return text.length > limit
        ? { text: text.slice(0, limit), finishReason: "length" as const }
        : { text, finishReason: "stop" as const };
    });
    const promptChars = request.messages.reduce((sum, message) => sum + message.content.length, 0);
    const completionChars = choices.reduce((sum, choice) => sum + choice.text.length, 0);
    return {
      choices,
      usage: {
        promptTokens: approximateTokens(promptChars),
        completionTokens: approximateTokens(completionChars),
      },
    };
  }

  /** Why the model answers a request the way it does, one trace per choice; nothing is generated. */
  explain(request: GenerateRequest): SimTrace[] {
    return this.simulate(request).map((choice) => choice.trace);
  }

  private simulate(request: GenerateRequest): SimulatedChoice[] {
    const prompt = parsePrompt(request.messages, request.responseFormat);
    const count = Math.max(1, Math.floor(request.n ?? 1));
    return Array.from({ length: count }, (_, choiceIndex) =>
      simulateChoice(request, prompt, this.tasks, {
        profile: this.profile,
        temperature: request.temperature,
        rolloutId: request.rolloutId ?? 0,
        choiceIndex,
      }),
    );
  }
}

/** A simulated model: `small` (weak student), `medium` (different priors, for retargeting) or `large` (teacher). */
export function createSimModel(
  modelId: SimModelId | (string & {}),
  options: SimModelOptions = {},
): SimLanguageModel {
  return new SimLanguageModel(modelId, options);
}
