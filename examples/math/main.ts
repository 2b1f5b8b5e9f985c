// Arithmetic word problems with ChainOfThought, compiled with RandomSearch (bootstrapped
// few-shot demos whose reasoning comes from the teacher). Run: pnpm exec tsx examples/math/main.ts
import { join } from "node:path";
import { loadJsonl } from "@lathe/core";
import { RandomSearch } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { answerMatches, SolveWordProblem, solver } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) =>
    loadJsonl(join(data, `${split}.jsonl`), { signature: SolveWordProblem }),
  ),
);

const { program } = await runExample({
  name: "math",
  program: solver,
  optimizer: new RandomSearch({ numCandidates: 6, maxBootstrappedDemos: 4, maxLabeledDemos: 8 }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: answerMatches,
});
const demo = program.predict.demos[0];
console.log(`\n${program.predict.demos.length} demos chosen; the first one:\n  ${JSON.stringify(demo)}`);
