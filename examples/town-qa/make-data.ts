// Regenerates data/*.jsonl from the simulated town-qa task: `pnpm exec tsx examples/town-qa/make-data.ts`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["town-qa"], new URL("./data", import.meta.url).pathname, {
  seed: 2026,
  train: 200,
  dev: 200,
  test: 200,
});
