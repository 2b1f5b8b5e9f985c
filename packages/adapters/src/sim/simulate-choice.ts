import type { GenerateRequest } from "@lathe/core";
import { answerMetaRole } from "./meta/answer-meta-role.js";
import type { ParsedPrompt } from "./prompt/parse-prompt.js";
import { outputType, renderCompletion } from "./prompt/render-completion.js";
import type { SamplingContext } from "./sampling-context.js";
import type { SimTrace } from "./sim-trace.js";
import type { SimTask } from "./sim-types.js";
import { answerAsStudent } from "./student/answer-as-student.js";
import { matchStage } from "./student/match-stage.js";
import { answerAsTeacher } from "./teacher/answer-as-teacher.js";

/** One choice's completion text and the decisions behind it. */
export interface SimulatedChoice {
  readonly text: string;
  readonly trace: SimTrace;
}

/**
 * A meta module's inner role (critic, rewrite, agent turn, extraction) is played as such; any
 * other task query is answered as a student; anything else as a teacher (or generically).
 */
export function simulateChoice(
  request: GenerateRequest,
  prompt: ParsedPrompt,
  tasks: readonly SimTask[],
  context: SamplingContext,
): SimulatedChoice {
  const match = matchStage(tasks, prompt);
  const answer =
    answerMetaRole(tasks, prompt, context) ??
    (match
      ? answerAsStudent(match, prompt, context)
      : answerAsTeacher(tasks, prompt, context, (name) => outputType(prompt, name)));
  let text = renderCompletion(prompt, answer.values);
  for (const stop of request.stop ?? []) {
    const at = stop === "" ? -1 : text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  return { text, trace: answer.trace };
}
