import {
  type Budget,
  type Example,
  type GenerateRequest,
  MemoryCache,
  type Metric,
  MockLanguageModel,
  UsageTracker,
} from "@lathe/core";
import type { OptimizerContext } from "../../src/index.js";

/** The value after `[[ ## name ## ]]` up to the next marker. */
export function markerValue(text: string, name: string): string | undefined {
  const match = new RegExp(`\\[\\[ ## ${name} ## \\]\\]\\n([\\s\\S]*?)(?=\\n\\[\\[ ## |$)`).exec(text);
  return match?.[1]?.trim();
}

/** The output fields a request asks for (from the "Respond with" line of the chat adapter). */
export function requestedOutputs(request: GenerateRequest): string[] {
  const text = request.messages.at(-1)?.content ?? "";
  const line = /Respond with the output fields? ([^\n]*)/.exec(text)?.[1] ?? "";
  return [...line.matchAll(/`(\w+)`/g)].map((match) => match[1]!);
}

export function allText(request: GenerateRequest): string {
  return request.messages.map((message) => message.content).join("\n\n");
}

const reply = (fields: Record<string, string>) =>
  `${Object.entries(fields)
    .map(([name, value]) => `[[ ## ${name} ## ]]\n${value}`)
    .join("\n\n")}\n\n[[ ## completed ## ]]`;

export const GOOD_INSTRUCTION = "Reverse the characters of the question.";

/**
 * A teacher for the reverse task: always answers it right (for bootstrapping); fixed
 * observations, summary and descriptions; a proposal is the good instruction (which mentions
 * "Reverse") only for rollout ids divisible by 3.
 */
export function mockTeacher(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "mock-teacher",
    responses: (request) => {
      const [output] = requestedOutputs(request);
      switch (output) {
        case "observations":
          return reply({ observations: "OBSERVATION: answers are the question written backwards." });
        case "summary":
          return reply({ summary: "SUMMARY-TEXT: each answer is its question reversed." });
        case "program_description":
          return reply({ program_description: "PROGRAM-DESCRIPTION: answers questions." });
        case "module_description":
          return reply({ module_description: "MODULE-DESCRIPTION: produces the answer." });
        case "proposed_instruction": {
          const rollout = request.rolloutId ?? 0;
          return reply({
            proposed_instruction:
              rollout % 3 === 0
                ? `${GOOD_INSTRUCTION} (v${rollout})`
                : `Answer the question well (v${rollout}).`,
          });
        }
        case "answer": {
          // Bootstrapping runs the program on the teacher, which always gets the task right.
          const question =
            markerValue(request.messages.at(-1)?.content ?? "", "question")?.split("\n")[0] ?? "";
          return reply({ answer: [...question].reverse().join("") });
        }
        default:
          throw new Error(`the mock teacher was asked for ${output}`);
      }
    },
  });
}

/**
 * A student for the reverse task: right when its prompt holds a demo or an instruction that says
 * "Reverse"; otherwise it echoes the question.
 */
export function mockStudent(): MockLanguageModel {
  return new MockLanguageModel({
    modelId: "mock-student",
    responses: (request) => {
      const query = request.messages.at(-1)?.content ?? "";
      const question = markerValue(query, "question")?.split("\n")[0] ?? "";
      const system = request.messages[0]?.content ?? "";
      const hasDemos = request.messages.some((message) => message.role === "assistant");
      const knows = hasDemos || /\breverse/i.test(system);
      return reply({ answer: knows ? [...question].reverse().join("") : question });
    },
  });
}

/** A context with a separate student and teacher sharing a cache and usage tracker. */
export function studentTeacherContext(fields: {
  student: MockLanguageModel;
  teacher: MockLanguageModel;
  trainset: readonly Example[];
  valset: readonly Example[];
  metric: Metric;
  seed?: number;
  cache?: MemoryCache;
  budget?: Budget;
}): OptimizerContext {
  const shared = {
    cache: fields.cache ?? new MemoryCache(),
    usage: new UsageTracker(),
    ...(fields.budget ? { budget: fields.budget } : {}),
  };
  return {
    trainset: fields.trainset,
    valset: fields.valset,
    metric: fields.metric,
    seed: fields.seed ?? 1,
    concurrency: 4,
    student: { ...shared, lm: fields.student, role: "student" },
    teacher: { ...shared, lm: fields.teacher, role: "teacher" },
  };
}
