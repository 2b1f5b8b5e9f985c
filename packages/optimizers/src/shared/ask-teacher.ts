import { type AnySignature, type InferInputs, type InferOutputs, Predict } from "@lathe/core";
import type { OptimizerContext } from "./optimizer.js";

export interface TeacherSampling {
  /** @default the compile's temperature (0) */
  readonly temperature?: number;
  /** Distinct samples of the same prompt need distinct rollout ids. @default 0 */
  readonly rolloutId?: number;
}

/**
 * Asks the teacher model through a typed signature (so its reply is parsed and validated like
 * any prediction), with the teacher's settings: its LM, the shared cache and budget, usage
 * role "teacher".
 */
export function askTeacher<S extends AnySignature>(
  teacherSignature: S,
  inputs: InferInputs<S>,
  context: OptimizerContext,
  sampling: TeacherSampling = {},
): Promise<InferOutputs<S>> {
  return new Predict(teacherSignature).call(inputs, {
    ...context.teacher,
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    rolloutId: sampling.rolloutId ?? 0,
  });
}
