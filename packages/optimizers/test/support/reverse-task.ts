import { type ChatMessage, type Example, MockLanguageModel, Module, Predict, signature } from "@lathe/core";

/**
 * A scripted task for structural tests: the answer is the question reversed. The mock LM
 * answers correctly only when its prompt holds at least one demo, so demos visibly matter.
 */
export const Reverse = signature("question: string -> answer: string", "Answer the question.");

export function reverseExamples(count: number): Example[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `row-${index}`,
    question: `q${index}x`,
    answer: [...`q${index}x`].reverse().join(""),
  }));
}

export function exactAnswer(example: Example, prediction: Record<string, unknown>): boolean {
  return prediction.answer === example.answer;
}

/** The value after `[[ ## name ## ]]` in a message. */
export function fieldValue(message: ChatMessage | undefined, name: string): string | undefined {
  const match = new RegExp(`\\[\\[ ## ${name} ## \\]\\]\\n([^\\n]*)`).exec(message?.content ?? "");
  return match?.[1];
}

/** The demo questions shown in a request (user turns before the final query). */
export function demoQuestions(messages: readonly ChatMessage[]): string[] {
  return messages
    .slice(1, -1)
    .filter((message) => message.role === "user")
    .map((message) => fieldValue(message, "question") ?? "");
}

export function reverseModel(options: { latencyMs?: number } = {}): MockLanguageModel {
  return new MockLanguageModel({
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    responses: (request) => {
      const query = [...request.messages]
        .reverse()
        .find((message) => message.role === "user" && message.content.includes("## question ##"));
      const question = fieldValue(query, "question") ?? "";
      const hasDemos = request.messages.some((message) => message.role === "assistant");
      const answer = hasDemos ? [...question].reverse().join("") : question;
      return `[[ ## answer ## ]]\n${answer}\n\n[[ ## completed ## ]]`;
    },
  });
}

/** A two-step program: draft a hint, then answer from question + hint. */
export class TwoStep extends Module<{ question: string }, { answer: string }> {
  readonly hint = new Predict(signature("question: string -> hint: string"));
  readonly answer = new Predict(signature("question: string, hint: string -> answer: string"));

  override async forward({ question }: { question: string }) {
    const { hint } = await this.hint.call({ question });
    return this.answer.call({ question, hint });
  }
}

/** Answers both steps of TwoStep: hints are `h:<question>`, answers correct only with demos. */
export function twoStepModel(): MockLanguageModel {
  return new MockLanguageModel({
    responses: (request) => {
      const query = request.messages.at(-1);
      const question = fieldValue(query, "question") ?? "";
      if (query?.content.includes("`hint`."))
        return `[[ ## hint ## ]]\nh:${question}\n\n[[ ## completed ## ]]`;
      const hasDemos = request.messages.some((message) => message.role === "assistant");
      return `[[ ## answer ## ]]\n${hasDemos ? [...question].reverse().join("") : "?"}\n\n[[ ## completed ## ]]`;
    },
  });
}
