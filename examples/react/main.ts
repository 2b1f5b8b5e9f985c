// A tool-using agent (ReAct) compiled with MIPRO: instructions and demo sets for both the agent's
// turn and its final extraction. Then the held-out split shows what the bounded loop adds, and
// one trajectory. Run: pnpm exec tsx examples/react/main.ts
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import { DiskCache, evaluate, loadJsonl, ReAct } from "@lathe/core";
import { MIPRO } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { AnswerTownQuestion, agent, answerCorrect, searchArchive } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) => loadJsonl(join(data, `${split}.jsonl`))),
);

const { program } = await runExample({
  name: "react",
  program: agent,
  optimizer: new MIPRO({ auto: "light" }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: answerCorrect,
});

const settings = {
  lm: resolveModel("sim/small"),
  cache: new DiskCache({ directory: join(".lathe", "cache") }),
};
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const searchCount = (run: { trajectory: readonly { tool: string }[] }) =>
  run.trajectory.filter((step) => step.tool === "search").length;
// The same compiled state in an agent allowed a single turn: one search, then the extraction.
const oneTurn = new ReAct(AnswerTownQuestion, { tools: [searchArchive], maxSteps: 1 }).withState(
  program.state(),
);
const [looped, single] = await Promise.all(
  [program, oneTurn].map((candidate) =>
    evaluate(candidate, testset!, answerCorrect, { concurrency: 16, settings }),
  ),
);
// Replayed from the cache: the trajectories behind the score above.
const runs = await Promise.all(
  testset!.map((example) => program.run({ question: String(example.question) }, settings)),
);
const searches = runs.reduce((sum, run) => sum + searchCount(run), 0) / runs.length;
console.log(`\nWhat the loop adds (held-out test, ${testset!.length} examples):`);
console.log(
  `  compiled agent, up to ${program.maxSteps} turns  ${percent(looped!.mean)}  (${searches.toFixed(2)} searches per question)`,
);
console.log(`  same state, a single turn      ${percent(single!.mean)}`);

// What compiling changed in each step: demos, and sentences added to the original instructions.
const original = new Map(agent.namedPredictors().map(([path, predictor]) => [path, predictor.instructions]));
for (const [path, predictor] of program.namedPredictors()) {
  const { instructions, demos } = predictor.getState();
  const before = original.get(path) ?? "";
  const added = instructions.startsWith(before) ? instructions.slice(before.length).trim() : instructions;
  console.log(`\n${path}: ${demos.length} demos; instructions ${added === "" ? "unchanged" : `+ ${added}`}`);
}

// A held-out question that names its town by nickname: the first search only finds the nickname.
const index = runs.findIndex((run) => searchCount(run) > 1);
if (index >= 0) {
  const run = runs[index]!;
  console.log(`\n${testset![index]!.question} (expected "${testset![index]!.answer}")`);
  for (const [turn, step] of run.trajectory.entries()) {
    console.log(
      `  ${turn + 1}. ${step.thought}\n     ${step.tool} ${step.args} → ${step.observation.slice(0, 110)}${step.observation.length > 110 ? "…" : ""}`,
    );
  }
  console.log(`  answer: "${run.outputs.answer}"`);
}
