import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import type { SimField, SimStage, SimTask, SimValues } from "../../sim-types.js";
import { scoreFields, textOf } from "../score-fields.js";
import {
  arithmeticRules,
  centsRule,
  dozenRule,
  percentOffRule,
  remainingRule,
  roundUpRule,
} from "./arithmetic-rules.js";
import { writeWordProblem } from "./word-problem-texts.js";

const inputs: readonly SimField[] = [
  { name: "problem", type: "string", description: "a short arithmetic word problem" },
];
const outputs: readonly SimField[] = [
  { name: "answer", type: "number", description: "the final numeric answer" },
];
const instruction = "Solve the arithmetic word problem and give the final answer as a single number.";

const round2 = (value: number) => Math.round(value * 100) / 100;

function solve(problem: string, known: (ruleId: string) => boolean): number {
  const numbers = [...problem.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
  const [a = 0, b = 0] = numbers;
  if (/\bin cents\b/i.test(problem)) return known(centsRule.id) ? Math.round((a + b) * 100) : round2(a + b);
  if (/\d+ dozen\b/i.test(problem)) return known(dozenRule.id) ? 12 * a + b : a + b;
  const percent = /(\d+)% off\b/i.exec(problem);
  const price = /\$(\d+(?:\.\d+)?)/.exec(problem);
  if (percent && price) {
    const [rate, cost] = [Number(percent[1]), Number(price[1])];
    return round2(known(percentOffRule.id) ? (cost * (100 - rate)) / 100 : (cost * rate) / 100);
  }
  const holds = /\beach \w+ holds (\d+)/i.exec(problem);
  if (holds) return (known(roundUpRule.id) ? Math.ceil : Math.floor)(a / Number(holds[1]));
  if (/\b(left|remain|remaining)\b/i.test(problem)) return known(remainingRule.id) ? a - b : a + b;
  if (/\bin each\b/i.test(problem)) return a * b;
  return numbers.reduce((sum, value) => sum + value, 0);
}

const arithmeticStage: SimStage = {
  name: "solve",
  instruction,
  inputs,
  outputs,
  rules: arithmeticRules,
  respond: (values, knows) => ({ answer: solve(textOf(values.problem), knows) }),
  label: (values) =>
    typeof values.problem === "string" ? { answer: solve(values.problem, () => true) } : undefined,
  perturb(answer, _values, rng) {
    const value = Number(answer.answer);
    if (!Number.isFinite(value)) return answer;
    const step = Number.isInteger(value) ? pick([-2, -1, 1, 2, 10], rng) : pick([-0.1, 0.1], rng);
    return { answer: round2(value + step) };
  },
  describe: (values) => `The problem says: "${textOf(values.problem)}".`,
};

/** Arithmetic word problems → a number; five hidden rules (three common, two rare). */
export const wordProblemsTask: SimTask = {
  name: "word-problems",
  description: "short arithmetic word problems, each answered with a single number",
  instruction,
  persona: "a patient maths teacher who checks every step",
  inputs,
  outputs,
  intermediate: [],
  stages: [arithmeticStage],
  rules: arithmeticRules,
  keywords: ["problem", "arithmetic", "word problem", "math", "maths", "how many", "costs"],
  generateExample(rng: Rng): SimValues {
    const problem = writeWordProblem(rng);
    return { problem, ...arithmeticStage.label({ problem }) };
  },
  score(example, prediction) {
    return scoreFields(example, prediction, ["answer"]);
  },
};
