import { candidateRecord } from "../shared/candidate-record.js";
import type { OptimizerResult } from "../shared/optimizer.js";
import type { CandidatePool } from "./candidate-pool.js";
import type { MetricCallBudget } from "./metric-call-budget.js";
import { paretoFront } from "./pareto-front.js";
import type { GEPAProposal } from "./reflective-mutation.js";

/**
 * The run as an optimizer result: the best candidate on the valset, every pool member as a
 * candidate record, and details with every proposal, the lineage, the Pareto front and the budget.
 */
export function gepaResult(
  pool: CandidatePool,
  proposals: readonly GEPAProposal[],
  budget: MetricCallBudget,
  notes: readonly string[],
): OptimizerResult {
  const best = pool.best();
  const seedScores = pool.get(0).evaluation.scores;
  const front = paretoFront(pool.candidates.map((candidate) => candidate.evaluation.scores));
  const lineage = pool.lineage();
  const candidates = pool.candidates.map((candidate, index) => ({
    ...candidateRecord({
      id: candidate.id,
      optimizer: "gepa",
      label: candidate.origin,
      state: candidate.state,
      evaluation: candidate.evaluation,
      baselineScores: seedScores,
      ...(candidate.parents.length > 0 ? { note: `parent(s): ${lineage[index]!.parents.join(", ")}` } : {}),
    }),
    ...(index === best ? { chosen: true } : {}),
  }));
  const made = proposals.filter((proposal) => !proposal.reason.startsWith("skipped"));
  return {
    state: pool.get(best).state,
    candidates,
    notes: [...notes],
    details: {
      budget: budget.summary(),
      proposed: made.length,
      accepted: proposals.filter((proposal) => proposal.candidate !== undefined).length,
      skipped: proposals.length - made.length,
      proposals: proposals.map((proposal) => ({ ...proposal })),
      lineage,
      pareto: {
        front: front.members.map((index) => pool.get(index).id),
        leads: Object.fromEntries(
          front.members.map((index) => [pool.get(index).id, front.weights.get(index)!]),
        ),
      },
      best: pool.get(best).id,
    },
  };
}
