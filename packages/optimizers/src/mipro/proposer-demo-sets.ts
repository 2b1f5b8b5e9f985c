import { createRng, type Module, sample } from "@lathe/core";
import { exampleAsDemo } from "../shared/demos.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import type { DemoCandidate } from "./demo-candidates.js";
import { PROPOSER_DEMOS, type ProposerDemoSet } from "./grounded-proposer.js";

/** The demo-set candidates as the proposer sees them: demos per predictor path. */
export function demoSetsFromCandidates(candidates: readonly DemoCandidate[]): ProposerDemoSet[] {
  return candidates.map((candidate) => ({
    id: candidate.id,
    demos: Object.fromEntries(Object.entries(candidate.state).map(([path, state]) => [path, state.demos])),
  }));
}

/**
 * For zero-shot mode, where the search has no demo sets: `count` seeded samples of labeled
 * training examples, shown to the proposer only (DSPy bootstraps some for the same purpose; raw
 * labeled examples cost no LM call).
 */
export function sampledDemoSets(
  program: Module,
  context: OptimizerContext,
  count: number,
): ProposerDemoSet[] {
  return Array.from({ length: count }, (_, index) => {
    const chosen = sample(
      context.trainset,
      PROPOSER_DEMOS,
      createRng(context.seed).fork(`mipro:proposer-demos:${index}`),
    );
    return {
      id: `sample-${index}`,
      demos: Object.fromEntries(
        program
          .namedPredictors()
          .map(([path, predictor]) => [path, chosen.map((example) => exampleAsDemo(example, predictor))]),
      ),
    };
  });
}
