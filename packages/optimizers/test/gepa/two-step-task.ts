import { MockLanguageModel, Module, Predict, signature } from "@lathe/core";
import { marked, markerValue } from "../reflective/keyword-task.js";

/** Two steps whose instructions matter separately, so that GEPA's merge has something to combine. */
export class HintThenAnswer extends Module<{ question: string }, { answer: string }> {
  readonly hint = new Predict(signature("question: string -> hint: string", "Give a `hint`."));
  readonly answer = new Predict(
    signature("question: string, hint: string -> answer: string", "Answer the `question`."),
  );

  override async forward({ question }: { question: string }) {
    const { hint } = await this.hint.call({ question });
    return this.answer.call({ question, hint });
  }
}

export const goodHint = "Give a `hint` with HINT.";
export const goodAnswer = "Answer the `question`: reverse it.";

/**
 * The answer is right on every row with both good instructions; with only the good hint on odd
 * rows, with only the good answer instruction on even rows, and with neither on multiples of 4.
 */
export function hintThenAnswerStudent(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "student",
    responses: (request) => {
      const system = request.messages[0]?.content.split("Your input fields are:")[0] ?? "";
      const query = request.messages.at(-1);
      const question = markerValue(query, "question") ?? "";
      if (query?.content.includes("Respond with the output fields `hint`")) {
        return marked({ hint: system.includes("HINT") ? `h:${question}` : "?" });
      }
      const number = Number(/\d+/.exec(question)?.[0] ?? 1);
      const hintGood = (markerValue(query, "hint") ?? "").startsWith("h:");
      const reverse = system.includes("reverse");
      const right =
        hintGood && reverse
          ? true
          : hintGood
            ? number % 2 === 1
            : reverse
              ? number % 2 === 0
              : number % 4 === 0;
      return marked({ answer: right ? [...question].reverse().join("") : question });
    },
  });
}

/** Proposes the good instruction for whichever step it is asked about. */
export function stepTeacher(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "teacher",
    responses: (request) => {
      const asked = request.messages.at(-1)?.content ?? "";
      return marked({ new_instruction: asked.includes("step `hint`") ? goodHint : goodAnswer });
    },
  });
}
