// Ticket routing (classification) compiled with GEPA: reflective instruction evolution.
// Run: pnpm exec tsx examples/triage/main.ts
import { join } from "node:path";
import { loadJsonl } from "@lathe/core";
import { GEPA } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { Triage, triage, triageFeedback } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) => loadJsonl(join(data, `${split}.jsonl`), { signature: Triage })),
);

const { program } = await runExample({
  name: "triage",
  program: triage,
  optimizer: new GEPA({ maxMetricCalls: 1500 }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: triageFeedback,
});
console.log(`\nCompiled instructions:\n  ${program.instructions}`);
