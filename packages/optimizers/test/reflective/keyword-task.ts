import {
  type ChatMessage,
  type Example,
  type GenerateRequest,
  type LanguageModel,
  MemoryCache,
  type Metric,
  MockLanguageModel,
  signature,
  UsageTracker,
} from "@lathe/core";
import type { OptimizerContext } from "../../src/index.js";

/**
 * A scripted task for the reflective optimizers: the answer is the question reversed. The mock
 * student reverses only when its instructions contain "reverse" (or, without it, on even
 * rows), and its reply is cut off (unparseable) when they contain "BREAK", so instructions matter.
 */
export const Reverse = signature("question: string -> answer: string", "Answer the `question`.");

export function keywordExamples(count: number, offset = 0): Example[] {
  return Array.from({ length: count }, (_, position) => {
    const index = position + offset;
    return { id: `row-${index}`, question: `q${index}x`, answer: [...`q${index}x`].reverse().join("") };
  });
}

/** Exact match with feedback naming the expected answer. */
export const answerWithFeedback: Metric = (example, prediction) =>
  prediction.answer === example.answer
    ? { score: 1 }
    : {
        score: 0,
        feedback: `answer: expected ${JSON.stringify(example.answer)}, got ${JSON.stringify(prediction.answer)}`,
      };

/** Exact match without feedback. */
export const exactAnswer: Metric = (example, prediction) => prediction.answer === example.answer;

export function marked(values: Record<string, string>): string {
  return `${Object.entries(values)
    .map(([name, value]) => `[[ ## ${name} ## ]]\n${value}`)
    .join("\n\n")}\n\n[[ ## completed ## ]]`;
}

/** The value after `[[ ## name ## ]]` in a message, up to the next marker. */
export function markerValue(message: ChatMessage | undefined, name: string): string | undefined {
  const match = new RegExp(
    `\\[\\[ ## ${name} ## \\]\\]\\n([\\s\\S]*?)(?=\\n\\n\\[\\[ ## |\\n\\nRespond with the output|$)`,
  ).exec(message?.content ?? "");
  return match?.[1];
}

export function keywordStudent(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "student",
    responses: (request) => {
      const system = request.messages[0]?.content ?? "";
      if (system.includes("BREAK")) {
        // A reply cut off by the token limit: Predict raises an OutputParseError for it.
        return {
          choices: [{ text: "[[ ## ans", finishReason: "length" }],
          usage: { promptTokens: 1, completionTokens: 1 },
        };
      }
      const question = markerValue(request.messages.at(-1), "question") ?? "";
      const even = Number(/\d+/.exec(question)?.[0] ?? 1) % 2 === 0;
      const reversed = /reverse/i.test(system.split("Your input fields are:")[0]!) || even;
      return marked({ answer: reversed ? [...question].reverse().join("") : question });
    },
  });
}

/** A teacher that answers each call from a script of marked replies (the last one repeats). */
export function scriptedTeacher(
  replies: readonly (Record<string, string> | ((request: GenerateRequest) => Record<string, string>))[],
): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "teacher",
    responses: replies.map(
      (reply) => (request: GenerateRequest) => marked(typeof reply === "function" ? reply(request) : reply),
    ),
  });
}

/** A context with separate student and teacher models, a shared cache and usage. */
export function reflectiveContext(fields: {
  student: LanguageModel;
  teacher: LanguageModel;
  trainset: readonly Example[];
  valset?: readonly Example[];
  metric?: Metric;
  seed?: number;
}): OptimizerContext {
  const shared = { cache: new MemoryCache(), usage: new UsageTracker() };
  return {
    trainset: fields.trainset,
    valset: fields.valset ?? fields.trainset,
    metric: fields.metric ?? answerWithFeedback,
    seed: fields.seed ?? 1,
    concurrency: 4,
    student: { ...shared, lm: fields.student, role: "student" },
    teacher: { ...shared, lm: fields.teacher, role: "teacher" },
  };
}

/** The user message (the query) of a recorded teacher request. */
export function teacherQuery(request: GenerateRequest | undefined): ChatMessage | undefined {
  return request?.messages.at(-1);
}
