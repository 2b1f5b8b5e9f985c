import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  Budget,
  BudgetExceededError,
  EvaluationError,
  type EvaluationProgress,
  evaluate,
  type GenerateRequest,
  MockLanguageModel,
  Module,
  meanWithInterval,
  Predict,
  signature,
  UsageTracker,
  withSettings,
} from "../src/index.js";

const QA = signature("question -> answer");
const dataset = Array.from({ length: 20 }, (_, index) => ({
  id: `row-${index}`,
  question: `q${index}`,
  answer: `a${index}`,
}));
const exactMatch = (example: { readonly [field: string]: unknown }, prediction: { answer: string }) =>
  prediction.answer === example.answer;

/** The question of the request's last user message. */
function questionOf(request: GenerateRequest): string {
  return /\[\[ ## question ## \]\]\n(\S+)/.exec(request.messages.at(-1)!.content)![1]!;
}

/** Answers `aN` for `qN`, except every fourth question, which it gets wrong. */
function answering(delay: (index: number) => number) {
  return async (request: GenerateRequest) => {
    const index = Number(questionOf(request).slice(1));
    await sleep(delay(index));
    return `[[ ## answer ## ]]\n${index % 4 === 0 ? "wrong" : `a${index}`}`;
  };
}

async function evaluationError(promise: Promise<unknown>): Promise<EvaluationError> {
  try {
    await promise;
  } catch (error) {
    if (EvaluationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected an EvaluationError");
}

describe("evaluate: scores and order", () => {
  it("runs calls concurrently, never more than asked, and keeps dataset order", async () => {
    // Later examples answer faster, so completion order is roughly the reverse of dataset order.
    const lm = new MockLanguageModel({ responses: answering((index) => (20 - index) * 3), latencyMs: 30 });
    const result = await evaluate(new Predict(QA), dataset, exactMatch, { concurrency: 5, settings: { lm } });
    expect(lm.calls).toHaveLength(20);
    expect(lm.maxConcurrency).toBe(5);
    expect(result.results.map((entry) => entry.index)).toEqual(dataset.map((_, index) => index));
    expect(result.results.map((entry) => entry.example)).toEqual(dataset);
    expect(result.results.map((entry) => entry.prediction)).toEqual(
      dataset.map((_, index) => ({ answer: index % 4 === 0 ? "wrong" : `a${index}` })),
    );
    expect(result.scores).toEqual(dataset.map((_, index) => (index % 4 === 0 ? 0 : 1)));
    expect(result.count).toBe(20);
    expect(result.errors).toBe(0);
    expect(result.mean).toBe(0.75);
    expect(result.ci).toEqual(meanWithInterval(result.scores).ci);
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it("runs one at a time at concurrency 1", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0), latencyMs: 1 });
    await evaluate(new Predict(QA), dataset.slice(0, 5), exactMatch, { concurrency: 1, settings: { lm } });
    expect(lm.maxConcurrency).toBe(1);
    expect(lm.calls.map(questionOf)).toEqual(["q0", "q1", "q2", "q3", "q4"]);
  });

  it("sends only the program's input fields, never ids or labels", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    await evaluate(new Predict(QA), dataset.slice(0, 3), exactMatch, { settings: { lm } });
    const sent = lm.calls
      .map((call) => call.messages.map((message) => message.content).join("\n"))
      .join("\n");
    expect(sent).not.toContain("row-");
    expect(sent).not.toMatch(/\ba[0-2]\b/);
  });

  it("accepts metric results as numbers, booleans or { score, feedback }", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const metric = (example: { readonly [field: string]: unknown }) => {
      const index = Number(String(example.question).slice(1));
      if (index === 0) return true;
      if (index === 1) return 0.25;
      return { score: false, feedback: `wrong for ${String(example.question)}` };
    };
    const result = await evaluate(new Predict(QA), dataset.slice(0, 3), metric, { settings: { lm } });
    expect(result.scores).toEqual([1, 0.25, 0]);
    expect(result.results.map((entry) => entry.feedback)).toEqual([undefined, undefined, "wrong for q2"]);
  });

  it("uses a custom inputs mapping and keeps traces on request", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const result = await evaluate(new Predict(QA), [{ prompt: "q1", answer: "a1" }], exactMatch, {
      settings: { lm },
      inputs: (example) => ({ question: example.prompt }),
      keepTraces: true,
    });
    expect(result.scores).toEqual([1]);
    expect(result.results[0]!.trace).toEqual([
      { path: "self", inputs: { question: "q1" }, outputs: { answer: "a1" }, demosUsed: 0 },
    ]);
  });

  it("passes the trace to the metric", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const seen: unknown[] = [];
    await evaluate(
      new Predict(QA),
      dataset.slice(1, 2),
      (_example, _prediction, trace) => {
        seen.push(trace);
        return 1;
      },
      { settings: { lm } },
    );
    expect(seen).toEqual([
      [{ path: "self", inputs: { question: "q1" }, outputs: { answer: "a1" }, demosUsed: 0 }],
    ]);
  });

  it("reports progress after every example", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const progress: EvaluationProgress[] = [];
    await evaluate(new Predict(QA), dataset.slice(0, 4), exactMatch, {
      concurrency: 1,
      settings: { lm },
      onProgress: (update) => progress.push(update),
    });
    expect(progress).toEqual([
      { completed: 1, total: 4, errors: 0, meanSoFar: 0 },
      { completed: 2, total: 4, errors: 0, meanSoFar: 0.5 },
      { completed: 3, total: 4, errors: 0, meanSoFar: 2 / 3 },
      { completed: 4, total: 4, errors: 0, meanSoFar: 0.75 },
    ]);
  });

  it("returns an empty result for an empty dataset", async () => {
    const result = await evaluate(new Predict(QA), [], exactMatch);
    expect(result).toMatchObject({
      mean: 0,
      count: 0,
      scores: [],
      results: [],
      errors: 0,
      ci: { low: 0, high: 0 },
    });
  });
});

describe("evaluate: errors", () => {
  class Flaky extends Module<{ question: string }, { answer: string }> {
    override async forward(inputs: { question: string }) {
      if (inputs.question === "q1") throw new Error("program failed");
      return { answer: inputs.question.replace("q", "a") };
    }
  }

  it("scores a throwing program, a throwing metric and a NaN metric 0, and counts them", async () => {
    const metric = (example: { readonly [field: string]: unknown }, prediction: { answer: string }) => {
      if (example.question === "q2") throw new Error("metric failed");
      if (example.question === "q3") return Number.NaN;
      return prediction.answer === example.answer;
    };
    const result = await evaluate(new Flaky(), dataset.slice(0, 5), metric);
    expect(result.scores).toEqual([1, 0, 0, 0, 1]);
    expect(result.errors).toBe(3);
    expect(result.mean).toBe(0.4);
    expect(result.results.map((entry) => entry.error)).toEqual([
      undefined,
      "Error: program failed",
      "Error: metric failed",
      "TypeError: the metric returned NaN; it must return a finite number, a boolean or { score }",
      undefined,
    ]);
    expect(result.results[1]!.prediction).toBeUndefined();
    expect(result.results[2]!.prediction).toEqual({ answer: "a2" });
  });

  it("stops past maxErrors with an EvaluationError carrying the partial results", async () => {
    class FailsFromTwo extends Module<{ question: string }, { answer: string }> {
      override async forward(inputs: { question: string }) {
        const index = Number(inputs.question.slice(1));
        if (index >= 2) throw new Error(`boom ${index}`);
        return { answer: `a${index}` };
      }
    }
    const error = await evaluationError(
      evaluate(new FailsFromTwo(), dataset.slice(0, 10), exactMatch, { concurrency: 1, maxErrors: 2 }),
    );
    expect(error.errors).toBe(3);
    expect(error.message).toBe(
      "evaluation stopped after 3 failed examples (maxErrors is 2); first error: Error: boom 2",
    );
    expect(error.partialResults.map((entry) => [entry.index, entry.score, entry.error])).toEqual([
      [0, 1, undefined],
      [1, 1, undefined],
      [2, 0, "Error: boom 2"],
      [3, 0, "Error: boom 3"],
      [4, 0, "Error: boom 4"],
    ]);
  });

  it("tolerates exactly maxErrors failures", async () => {
    const result = await evaluate(new Flaky(), dataset.slice(0, 3), exactMatch, { maxErrors: 1 });
    expect(result.errors).toBe(1);
    await expect(evaluate(new Flaky(), dataset.slice(0, 3), exactMatch, { maxErrors: 0 })).rejects.toThrow(
      EvaluationError,
    );
  });

  it("lets BudgetExceededError propagate instead of scoring it", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const budget = new Budget({ maxCalls: 3 });
    await expect(
      evaluate(new Predict(QA), dataset, exactMatch, { concurrency: 2, settings: { lm, budget } }),
    ).rejects.toThrow(BudgetExceededError);
    expect(lm.calls.length).toBeLessThanOrEqual(3);
  });
});

describe("evaluate: usage", () => {
  it("counts the calls of the evaluation, and forwards them to the scope's tracker", async () => {
    const lm = new MockLanguageModel({ responses: answering(() => 0) });
    const outer = new UsageTracker();
    const result = await withSettings({ lm, usage: outer }, () =>
      evaluate(new Predict(QA), dataset.slice(0, 6), exactMatch, { concurrency: 3 }),
    );
    expect(result.usage.total).toMatchObject({ calls: 6, cacheHits: 0, failures: 0 });
    expect(Object.keys(result.usage.byPredictor)).toEqual(["self"]);
    expect(result.usage.byModel["mock/mock-model"]).toMatchObject({ calls: 6 });
    const expectedPrompt = lm.calls.reduce(
      (sum, call) =>
        sum + Math.ceil(call.messages.reduce((chars, message) => chars + message.content.length, 0) / 4),
      0,
    );
    expect(result.usage.total.promptTokens).toBe(expectedPrompt);
    expect(outer.total).toMatchObject({ calls: 6, promptTokens: expectedPrompt });
  });
});
