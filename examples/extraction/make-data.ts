// Regenerates data/*.jsonl from the simulated meeting-extraction task: `pnpm exec tsx examples/extraction/make-data.ts`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["meeting-extraction"], new URL("./data", import.meta.url).pathname, {
  seed: 2026,
  train: 200,
  dev: 200,
  test: 200,
});
