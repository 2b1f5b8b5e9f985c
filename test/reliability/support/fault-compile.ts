import { type Artifact, type LanguageModel, Predict } from "@lathe/core";
import { type CompileReport, compile, RandomSearch } from "@lathe/optimizers";
import { exactMatch, Triage, triageSplits } from "./triage.js";

export interface FaultCompileRun {
  readonly artifact: Artifact;
  readonly report: CompileReport;
}

export interface FaultCompileOptions {
  readonly train: number;
  readonly val: number;
  readonly numCandidates: number;
  /** Called once, when the final evaluation starts: the place to inject mid-compile faults. */
  readonly onFinalPhase?: () => void;
}

/**
 * A RandomSearch compile of the triage task, without a cache so that every call really reaches
 * the model (for the fault tests, a server reached through the real `openai` client).
 */
export function faultCompile(lm: LanguageModel, options: FaultCompileOptions): Promise<FaultCompileRun> {
  const { trainset, valset } = triageSplits({ train: options.train, val: options.val });
  let finalPhase = false;
  return compile(new Predict(Triage), {
    optimizer: new RandomSearch({ numCandidates: options.numCandidates }),
    trainset,
    valset,
    metric: exactMatch,
    lm,
    seed: 5,
    concurrency: 8,
    cache: false,
    onProgress: (event) => {
      if (event.phase !== "final" || finalPhase) return;
      finalPhase = true;
      options.onFinalPhase?.();
    },
  });
}

/** The artifact without the two values that differ between identical compiles. */
export const stableArtifact = (artifact: Artifact) => ({
  ...artifact,
  createdAt: "",
  compile: { ...artifact.compile, durationMs: 0 },
});
