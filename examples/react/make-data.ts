// Regenerates data/*.jsonl from the simulated town-qa task: `pnpm exec tsx examples/react/make-data.ts`.
// A different seed from examples/town-qa; the agent reads only `question` and is scored on `answer`.
import { simTasks, writeSplits } from "@lathe/adapters";

await writeSplits(simTasks["town-qa"], new URL("./data", import.meta.url).pathname, {
  seed: 2027,
  train: 200,
  dev: 200,
  test: 200,
});
