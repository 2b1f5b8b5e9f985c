import { type CandidateRecord, candidateRecord, demoCounts } from "../shared/candidate-record.js";
import type { DatasetSummary } from "./dataset-summary.js";
import type { FullEvaluation, MinibatchSearch } from "./minibatch-search.js";
import type { ProgramSummary } from "./program-summary.js";
import { choiceLabel, type SearchSpace } from "./search-space.js";

export interface MiproRunLog {
  readonly settings: Record<string, unknown>;
  datasetSummary?: DatasetSummary;
  programSummary?: ProgramSummary;
  space?: SearchSpace;
  search?: MinibatchSearch;
}

/** The candidate records (one per full evaluation) and the JSON details of a run. */
export function miproReport(
  log: MiproRunLog,
  winner: FullEvaluation | undefined,
): { candidates: CandidateRecord[]; details: Record<string, unknown> } {
  const { space, search } = log;
  const evaluations = search?.fullEvaluations ?? [];
  const baselineScores = evaluations.find((entry) => entry.id === "mipro/uncompiled")?.evaluation.scores;
  const candidates = evaluations.map((entry) => {
    const record = candidateRecord({
      id: entry.id,
      optimizer: "mipro",
      label: space ? choiceLabel(space, entry.choice) : entry.id,
      state: entry.state,
      evaluation: entry.evaluation,
      ...(baselineScores ? { baselineScores } : {}),
      note: entry.id === "mipro/uncompiled" ? "the uncompiled program" : `after trial ${entry.afterTrial}`,
    });
    return entry === winner ? { ...record, chosen: true } : record;
  });
  const details: Record<string, unknown> = {
    ...log.settings,
    datasetSummary: log.datasetSummary
      ? { observations: log.datasetSummary.observations, summary: log.datasetSummary.summary }
      : null,
    programSummary: log.programSummary ?? null,
    demoSets:
      space?.demoSets?.map((set, index) => ({
        index,
        id: set.id,
        label: set.label,
        demoCounts: demoCounts(set.state),
      })) ?? null,
    proposals: space
      ? Object.fromEntries(
          Object.entries(space.instructions).map(([path, list]) => [
            path,
            list.map((candidate, index) => ({ index, ...candidate })),
          ]),
        )
      : null,
    trials:
      search?.trials.map((trial) => ({
        trial: trial.trial,
        configuration: trial.choice,
        minibatch: trial.minibatch,
        score: trial.score,
      })) ?? [],
    fullEvaluations: evaluations.map((entry) => ({
      id: entry.id,
      configuration: entry.choice,
      afterTrial: entry.afterTrial,
      mean: entry.evaluation.mean,
      ci: entry.evaluation.ci,
      count: entry.evaluation.count,
    })),
    winner: winner
      ? {
          id: winner.id,
          configuration: winner.choice,
          mean: winner.evaluation.mean,
          ci: winner.evaluation.ci,
        }
      : null,
  };
  return { candidates, details: JSON.parse(JSON.stringify(details)) };
}
