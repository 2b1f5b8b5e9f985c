// Regenerates data/*.jsonl from the simulated word-problems task: `pnpm exec tsx examples/math/make-data.ts`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["word-problems"], new URL("./data", import.meta.url).pathname, {
  seed: 2026,
  train: 200,
  dev: 200,
  test: 200,
});
