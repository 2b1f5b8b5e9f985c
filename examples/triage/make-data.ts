// Regenerates data/*.jsonl from the simulated ticket-triage task: `pnpm exec tsx examples/triage/make-data.ts`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["ticket-triage"], new URL("./data", import.meta.url).pathname, {
  seed: 2026,
  train: 200,
  dev: 200,
  test: 200,
});
