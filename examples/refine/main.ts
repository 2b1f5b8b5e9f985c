// Self-refinement (draft → critique → rewrite) compiled with GEPA, which evolves the instructions
// of all three inner predictors; then the same test split is scored without the critic loop to
// show what the critique adds. Run: pnpm exec tsx examples/refine/main.ts
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import { DiskCache, evaluate, loadJsonl, type Module } from "@lathe/core";
import { GEPA } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { answerMatches, refiner, SolveWordProblem } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) =>
    loadJsonl(join(data, `${split}.jsonl`), { signature: SolveWordProblem }),
  ),
);

const { program } = await runExample({
  name: "refine",
  program: refiner,
  optimizer: new GEPA({ maxMetricCalls: 1500 }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: answerMatches,
});

const settings = {
  lm: resolveModel("sim/small"),
  cache: new DiskCache({ directory: join(".lathe", "cache") }),
};
const onTest = async (candidate: Module<{ problem: string }, { answer: number }>) =>
  (await evaluate(candidate, testset!, answerMatches, { concurrency: 16, settings })).mean;
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
// Ablations on the held-out split: the draft answering alone (before and after compiling), and
// the compiled loop with the critic put back to its uncompiled instructions.
const untunedCritic = program.withState({ ...program.state(), critic: refiner.state().critic! });
const [draftBefore, loopBefore, draftAfter, loopAfter, withUntunedCritic] = await Promise.all(
  [refiner.draft, refiner, program.draft, program, untunedCritic].map(onTest),
);
const row = (label: string, before: number, after: number) =>
  `  ${label.padEnd(28)} ${percent(before).padStart(10)} ${percent(after).padStart(9)}`;
console.log(`\nWhat the critic loop adds (held-out test, ${testset!.length} examples):`);
console.log(`  ${"".padEnd(28)} ${"uncompiled".padStart(10)} ${"compiled".padStart(9)}`);
console.log(row("draft alone", draftBefore!, draftAfter!));
console.log(row("draft → critique → rewrite", loopBefore!, loopAfter!));
console.log(`  compiled loop with the critic left uncompiled: ${percent(withUntunedCritic!)}`);

for (const [path, predictor] of program.namedPredictors()) {
  console.log(`\n${path} instructions:\n  ${predictor.getState().instructions.replace(/\n/g, "\n  ")}`);
}
// One held-out problem the critique fixed: the draft, the critique, the rewrite.
for (const example of testset!) {
  const run = await program.run({ problem: String(example.problem) }, settings);
  const [draft, rewrite] = run.attempts;
  if (!rewrite || draft!.outputs.answer === example.answer || rewrite.outputs.answer !== example.answer)
    continue;
  console.log(`\n${example.problem}\n  draft: ${draft!.outputs.answer}\n  critique: ${draft!.critique}`);
  console.log(`  rewrite: ${rewrite.outputs.answer} (expected ${example.answer})`);
  break;
}
