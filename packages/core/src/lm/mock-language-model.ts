import type {
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  LanguageModelCapabilities,
} from "./language-model.js";

/** What a mock answers: a fixed text, a full result, or a function of the request. */
export type MockResponse =
  | string
  | GenerateResult
  | ((
      request: GenerateRequest,
      callIndex: number,
    ) => string | GenerateResult | Promise<string | GenerateResult>);

export interface MockLanguageModelOptions {
  /** A single response for every call, or a list consumed in order (the last one repeats). */
  readonly responses: MockResponse | readonly MockResponse[];
  /** @default "mock" */
  readonly provider?: string;
  /** @default "mock-model" */
  readonly modelId?: string;
  /** @default { structuredOutputs: false, multipleChoices: true, seed: true } */
  readonly capabilities?: Partial<LanguageModelCapabilities>;
  /** Milliseconds to wait before answering, to exercise concurrency. @default 0 */
  readonly latencyMs?: number;
}

/**
 * A language model for tests: answers from a script and records every request it receives,
 * along with how many calls were in flight at once.
 */
export class MockLanguageModel implements LanguageModel {
  readonly specificationVersion = "v1" as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: LanguageModelCapabilities;
  readonly calls: GenerateRequest[] = [];
  private inFlight = 0;
  private peak = 0;

  constructor(private readonly options: MockLanguageModelOptions) {
    this.provider = options.provider ?? "mock";
    this.modelId = options.modelId ?? "mock-model";
    this.capabilities = {
      structuredOutputs: false,
      multipleChoices: true,
      seed: true,
      ...options.capabilities,
    };
  }

  /** The largest number of calls that were in flight at the same time. */
  get maxConcurrency(): number {
    return this.peak;
  }

  async doGenerate(request: GenerateRequest): Promise<GenerateResult> {
    const callIndex = this.calls.length;
    this.calls.push(request);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    try {
      if (this.options.latencyMs) await delay(this.options.latencyMs, request.signal);
      const scripted = this.pick(callIndex);
      const answer = typeof scripted === "function" ? await scripted(request, callIndex) : scripted;
      return typeof answer === "string" ? textResult(answer, request) : answer;
    } finally {
      this.inFlight--;
    }
  }

  private pick(callIndex: number): MockResponse {
    const { responses } = this.options;
    if (!Array.isArray(responses)) return responses as MockResponse;
    if (responses.length === 0) throw new Error("MockLanguageModel was given an empty list of responses");
    return responses[Math.min(callIndex, responses.length - 1)] as MockResponse;
  }
}

function textResult(text: string, request: GenerateRequest): GenerateResult {
  const promptChars = request.messages.reduce((sum, message) => sum + message.content.length, 0);
  return {
    choices: Array.from({ length: request.n ?? 1 }, () => ({ text, finishReason: "stop" as const })),
    usage: { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(text.length / 4) },
  };
}

function delay(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
