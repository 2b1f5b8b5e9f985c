// Regenerates data/*.jsonl from the simulated ticket-triage task (a small set: on a paid provider every row costs calls): `pnpm exec tsx examples/openai-compatible/make-data.ts`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["ticket-triage"], new URL("./data", import.meta.url).pathname, {
  seed: 2027,
  train: 60,
  dev: 60,
  test: 60,
});
