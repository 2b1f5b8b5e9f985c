// The quickstart: compile the ticket-triage program offline against the simulated model,
// print the uncompiled baseline beside the compiled score, write the frozen artifact, and load
// it back the way production code would.
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import {
  artifactSettings,
  DiskCache,
  loadArtifact,
  loadJsonl,
  Predict,
  saveArtifact,
  withSettings,
} from "@lathe/core";
import { compile, MIPRO } from "@lathe/optimizers";
import { Triage, triage, triageExact } from "../triage/program.js";

const data = join(import.meta.dirname, "..", "triage", "data");
const out = join(".lathe", "quickstart");
const [trainset, valset, testset] = await Promise.all([
  loadJsonl(join(data, "train.jsonl"), { signature: Triage }),
  loadJsonl(join(data, "dev.jsonl"), { signature: Triage }),
  loadJsonl(join(data, "test.jsonl"), { signature: Triage }),
]);

const student = resolveModel("sim/small");
console.log(
  `Compiling triage for ${student.provider}/${student.modelId}: ${trainset.length} train, ${valset.length} validation examples`,
);
const { artifact, report } = await compile(triage, {
  // Proposes instructions with the teacher (grounded in the data and in program.ts), then
  // searches instruction x demo-set combinations with a seeded TPE.
  optimizer: new MIPRO({
    auto: "light",
    programSource: join(import.meta.dirname, "..", "triage", "program.ts"),
  }),
  trainset,
  valset,
  testset,
  metric: triageExact,
  lm: student,
  teacher: resolveModel("sim/large"),
  seed: 1,
  concurrency: 16,
  cache: new DiskCache({ directory: join(".lathe", "cache") }),
});

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const score = (name: string, { mean, ci }: { mean: number; ci: { low: number; high: number } }) =>
  `${name.padEnd(10)} ${percent(mean).padStart(6)}  (95% CI ${percent(ci.low)} – ${percent(ci.high)})`;
console.log(`\nValidation (${report.baseline.count} examples, used to choose):`);
console.log(score("baseline", report.baseline));
console.log(score("compiled", report.final));
if (report.heldOut) {
  console.log(`Held-out test (${report.heldOut.size} examples, never seen while compiling):`);
  console.log(score("baseline", report.heldOut.baseline));
  console.log(score("compiled", report.heldOut.final));
}
const usage = report.usage.total;
console.log(
  `LM calls: ${usage.calls} made, ${usage.cacheHits} from cache; ${(report.durationMs / 1000).toFixed(1)} s`,
);

const path = join(out, "triage.artifact.json");
await saveArtifact(path, artifact);
console.log(`Artifact: ${path} (content hash ${artifact.contentHash.slice(0, 12)})`);

// Production: load the artifact into a fresh program; no optimizer code involved.
const loaded = new Predict(Triage).load(await loadArtifact(path));
const ticket = "Our whole team cannot log in since this morning and I need a refund for the downtime.";
const answer = await withSettings({ lm: student, ...artifactSettings(artifact) }, () =>
  loaded.call({ ticket }),
);
console.log(`Loaded artifact answers ${JSON.stringify(answer)} for: "${ticket}"`);
