import { canonicalJson } from "@lathe/core";
import { type DecodedDemo, demoEvidence } from "../knowledge/demo-evidence.js";
import { knowProbability } from "../knowledge/know-probability.js";
import { mentionsRule } from "../knowledge/mentions.js";
import type { ParsedPrompt } from "../prompt/parse-prompt.js";
import { type SamplingContext, sampler } from "../sampling-context.js";
import type { SimRuleDecision, SimTrace } from "../sim-trace.js";
import type { SimValues } from "../sim-types.js";
import { decodeFieldMap, decodeFields, type StageMatch } from "./match-stage.js";
import { writeReasoning } from "./reasoning-text.js";

/** The requested output values, in order, and the decisions behind them. */
export interface SimAnswer {
  readonly values: readonly (readonly [string, unknown])[];
  readonly trace: SimTrace;
}

/**
 * Answers a task query like an in-context learner: each triggered rule is applied with a
 * probability set by the model's prior, the instructions and the demos; then a careless
 * mistake may slip in (less often with chain of thought).
 */
export function answerAsStudent(
  match: StageMatch,
  prompt: ParsedPrompt,
  context: SamplingContext,
): SimAnswer {
  const { stage, task } = match;
  const query = decodeFields(stage.inputs, prompt.query ?? new Map());
  const queryKey = canonicalJson(query);
  const draw = sampler(context, `${task.name}/${stage.name}|${queryKey}`);
  const demos: DecodedDemo[] = prompt.demos
    .map((demo) => ({
      inputs: decodeFields(stage.inputs, demo.inputs),
      outputs: decodeFieldMap(stage.outputs, demo.outputs),
    }))
    .filter((demo) => demo.inputs[stage.inputs[0]?.name ?? ""] !== undefined);
  const wanted = prompt.requestedOutputs;
  const withReasoning = wanted.includes("reasoning");

  const twin = demos.find((demo) => canonicalJson(demo.inputs) === queryKey);
  const instructions = prompt.systemText !== "" ? prompt.systemText : prompt.allText;
  const decisions: SimRuleDecision[] = twin
    ? []
    : stage.rules
        .filter((rule) => rule.applies(query))
        .map((rule) => {
          const support = {
            mentioned: mentionsRule(rule, instructions),
            ...demoEvidence(stage, rule, demos),
          };
          const probability = knowProbability(context.profile, rule, support);
          return {
            ruleId: rule.id,
            support,
            probability,
            known: draw.uniform(`rule:${rule.id}`) < probability,
          };
        });
  const knows = (ruleId: string) => decisions.find((decision) => decision.ruleId === ruleId)?.known ?? true;

  let outputs: SimValues = twin ? Object.fromEntries(twin.outputs) : stage.respond(query, knows);
  const profile = context.profile;
  const errorRate =
    (withReasoning ? profile.reasoningErrorRate : profile.errorRate) *
    (stage.errorScale ?? 1) *
    (1 - 0.04 * Math.min(demos.length, 5)) *
    (1 + 0.5 * Math.min(context.temperature, 2));
  const careless = !twin && draw.uniform("careless") < errorRate;
  if (careless) outputs = stage.perturb(outputs, query, draw.rng("perturb"));

  const variant = draw.sampled ? draw.rng("wording").int(0, 3) : 0;
  const values = wanted.map((name): [string, unknown] => {
    if (name === "reasoning" && !(name in outputs)) {
      return [name, writeReasoning(stage, query, decisions, outputs, variant)];
    }
    return [name, outputs[name] ?? ""];
  });
  return {
    values,
    trace: {
      mode: "student",
      task: task.name,
      stage: stage.name,
      decisions,
      careless,
      copiedDemo: twin !== undefined,
      statedRules: [],
    },
  };
}
