import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import type { SamplingContext } from "../sampling-context.js";
import type { SimTask } from "../sim-types.js";
import type { SimAnswer } from "../student/answer-as-student.js";
import { answerAsAgent } from "./answer-as-agent.js";
import { answerAsCritic } from "./answer-as-critic.js";
import { answerAsRewriter } from "./answer-as-rewriter.js";
import { answerFromTrajectory } from "./answer-from-trajectory.js";

const roles = [answerAsCritic, answerAsRewriter, answerAsAgent, answerFromTrajectory];

/**
 * The inner roles of Lathe's meta modules on a sim task: Refine's critic and rewrite, ReAct's
 * agent turn and extraction. Undefined for every other prompt, which the sim answers as before.
 */
export function answerMetaRole(
  tasks: readonly SimTask[],
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer | undefined {
  for (const role of roles) {
    const answer = role(tasks, prompt, context);
    if (answer) return answer;
  }
  return undefined;
}
