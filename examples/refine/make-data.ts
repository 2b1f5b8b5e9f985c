// Regenerates data/*.jsonl from the simulated word-problems task: `pnpm exec tsx examples/refine/make-data.ts`.
// A different seed from examples/math, so the two examples do not share problems.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["word-problems"], new URL("./data", import.meta.url).pathname, {
  seed: 2027,
  train: 200,
  dev: 200,
  test: 200,
});
