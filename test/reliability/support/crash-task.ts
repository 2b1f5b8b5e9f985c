import { appendFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { cacheKey, type GenerateRequest, type LanguageModel, Predict, type ResponseCache } from "@lathe/core";
// Only the modules the compile needs, not the package indexes (which also load MIPRO, ts-morph
// types, the openai SDK and Ax): the child process is restarted after every kill, and its
// start-up time is most of the test's time.
import { createSimModel, generateDataset, simTasks } from "../../../packages/adapters/src/sim/index.js";
import { compile } from "../../../packages/optimizers/src/compile/compile.js";
import { RandomSearch } from "../../../packages/optimizers/src/few-shot/random-search.js";
import { soak } from "./soak.js";
import { exactMatch, Triage } from "./triage.js";

/** Bytes per line of a call log: a 64-hex cache key and a newline. */
export const CALL_LOG_LINE = 65;

/**
 * The in-process sim with a little latency (so that calls overlap and a kill lands among them),
 * appending the cache key of every call that completed to `callLog`.
 */
export function loggedSim(callLog: string, latencyMs = 2): LanguageModel {
  const sim = createSimModel("small");
  return {
    specificationVersion: sim.specificationVersion,
    provider: sim.provider,
    modelId: sim.modelId,
    capabilities: sim.capabilities,
    async doGenerate(request: GenerateRequest) {
      await sleep(latencyMs);
      const result = await sim.doGenerate(request);
      appendFileSync(callLog, `${cacheKey(sim, request)}\n`);
      return result;
    },
  };
}

// More kills need a longer compile to spread over: the validation set grows with them.
const scale = Math.max(1, Math.ceil(soak.kills / 10) - 1);
const rows = generateDataset(simTasks["ticket-triage"], { seed: 4, size: 16 + 32 * scale });

/** The compile the crash tests kill and resume: identical in the child process and in the test. */
export function crashCompile(lm: LanguageModel, cache: ResponseCache) {
  return compile(new Predict(Triage), {
    optimizer: new RandomSearch({ numCandidates: 2 }),
    trainset: rows.slice(0, 16),
    valset: rows.slice(16),
    metric: exactMatch,
    lm,
    seed: 9,
    concurrency: 8,
    cache,
  });
}
