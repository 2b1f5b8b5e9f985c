import { canonicalJson, type EvaluationResult, type ProgramState } from "@lathe/core";

/** A candidate in GEPA's pool, scored on every validation example. */
export interface PoolCandidate {
  readonly id: string;
  readonly state: ProgramState;
  /** Pool indices of its parents: none for the seed, one for a reflection, two for a merge. */
  readonly parents: readonly number[];
  /** How it was made, e.g. "seed", "reflection on `answer`", "merge of gepa/2 and gepa/3". */
  readonly origin: string;
  readonly evaluation: EvaluationResult;
}

/** The growing pool: candidates, their lineage, and each one's round-robin predictor cursor. */
export class CandidatePool {
  readonly candidates: PoolCandidate[] = [];
  private readonly cursors = new Map<number, number>();
  private readonly fingerprints = new Set<string>();

  add(candidate: Omit<PoolCandidate, "id">, cursor = 0): PoolCandidate {
    const added = { id: `gepa/${this.candidates.length}`, ...candidate };
    this.cursors.set(this.candidates.length, cursor);
    this.candidates.push(added);
    this.fingerprints.add(canonicalJson(candidate.state));
    return added;
  }

  get(index: number): PoolCandidate {
    const candidate = this.candidates[index];
    if (!candidate) throw new RangeError(`no candidate ${index} in the pool`);
    return candidate;
  }

  /** Whether a candidate with exactly this state is already in the pool. */
  has(state: ProgramState): boolean {
    return this.fingerprints.has(canonicalJson(state));
  }

  /** The predictor to rewrite next for a candidate (round-robin), advancing its cursor. */
  nextPath(index: number, paths: readonly string[]): { path: string; cursor: number } {
    const cursor = this.cursors.get(index) ?? 0;
    this.cursors.set(index, cursor + 1);
    return { path: paths[cursor % paths.length]!, cursor: cursor + 1 };
  }

  /** Every ancestor of a candidate (parents, their parents, ...). */
  ancestors(index: number): Set<number> {
    const found = new Set<number>();
    const pending = [...this.get(index).parents];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (found.has(next)) continue;
      found.add(next);
      pending.push(...this.get(next).parents);
    }
    return found;
  }

  /** The candidate with the best validation mean (the earliest on ties). */
  best(): number {
    let best = 0;
    this.candidates.forEach((candidate, index) => {
      if (candidate.evaluation.mean > this.get(best).evaluation.mean) best = index;
    });
    return best;
  }

  lineage(): Array<{ id: string; parents: string[]; origin: string; mean: number }> {
    return this.candidates.map((candidate) => ({
      id: candidate.id,
      parents: candidate.parents.map((parent) => this.get(parent).id),
      origin: candidate.origin,
      mean: candidate.evaluation.mean,
    }));
  }
}
