// A two-step program (question → search query → BM25 retrieval → answer) compiled with MIPRO:
// grounded instruction proposals for both predictors and a Bayesian search over instructions
// and demo sets. Run: pnpm exec tsx examples/town-qa/main.ts
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import { loadJsonl, withSettings } from "@lathe/core";
import { MIPRO } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { answerCorrect, townQA } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) => loadJsonl(join(data, `${split}.jsonl`))),
);

const { program } = await runExample({
  name: "town-qa",
  program: townQA,
  // The proposer reads the program's source with ts-morph to describe each step.
  optimizer: new MIPRO({ auto: "light", programSource: join(import.meta.dirname, "program.ts") }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: answerCorrect,
});

for (const [path, predictor] of program.namedPredictors()) {
  console.log(
    `\n${path}: ${predictor.getState().demos.length} demos; instructions:\n  ${predictor.getState().instructions}`,
  );
}
// A held-out question that names its town by nickname: the search step must use the official name.
const row = testset!.find((example) => !String(example.question).includes(String(example.search_query)))!;
const question = String(row.question);
const answer = await withSettings({ lm: resolveModel("sim/small") }, () => program.call({ question }));
console.log(
  `\n${question}\n  search "${answer.search_query}" → ${answer.passages.length} passages → "${answer.answer}" (expected "${row.answer}")`,
);
