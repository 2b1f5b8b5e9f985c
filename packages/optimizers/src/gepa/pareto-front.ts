import type { Rng } from "@lathe/core";

/** The per-example Pareto front of a pool, from each candidate's per-example validation scores. */
export interface ParetoFront {
  /** Per example: the candidates (pool indices) that win or tie for its best score. */
  readonly leaders: readonly (readonly number[])[];
  /** Candidates that are not dominated, in pool order. */
  readonly members: readonly number[];
  /** Per member: on how many examples it leads (after dominated candidates are removed). */
  readonly weights: ReadonlyMap<number, number>;
}

const TIE = 1e-9;

/**
 * Builds the front: per example, the candidates with its best score; then, as in GEPA, removes
 * dominated candidates (every example a candidate leads is also led by another surviving one),
 * weakest first, and counts how many examples each survivor leads.
 */
export function paretoFront(scores: readonly (readonly number[])[]): ParetoFront {
  const examples = scores[0]?.length ?? 0;
  const leaders = Array.from({ length: examples }, (_, example) => {
    const best = Math.max(...scores.map((row) => row[example]!));
    return scores.flatMap((row, candidate) => (row[example]! >= best - TIE ? [candidate] : []));
  });
  const dominated = new Set<number>();
  const byStrength = scores
    .map((row, candidate) => ({ candidate, total: row.reduce((sum, score) => sum + score, 0) }))
    .sort((a, b) => a.total - b.total || b.candidate - a.candidate)
    .map(({ candidate }) => candidate);
  for (let found = true; found; ) {
    found = false;
    for (const candidate of byStrength) {
      if (dominated.has(candidate)) continue;
      const others = (front: readonly number[]) =>
        front.some((other) => other !== candidate && !dominated.has(other));
      const fronts = leaders.filter((front) => front.includes(candidate));
      if (fronts.every(others)) {
        dominated.add(candidate);
        found = true;
        break;
      }
    }
  }
  const weights = new Map<number, number>();
  const survivors = leaders.map((front) => front.filter((candidate) => !dominated.has(candidate)));
  for (const front of survivors)
    for (const candidate of front) weights.set(candidate, (weights.get(candidate) ?? 0) + 1);
  const members = scores.map((_, candidate) => candidate).filter((candidate) => weights.has(candidate));
  return { leaders: survivors, members, weights };
}

/** Draws a front member with probability proportional to the number of examples it leads. */
export function pickFromFront(front: ParetoFront, rng: Rng): number {
  const total = front.members.reduce((sum, candidate) => sum + front.weights.get(candidate)!, 0);
  let draw = rng.next() * total;
  for (const candidate of front.members) {
    draw -= front.weights.get(candidate)!;
    if (draw < 0) return candidate;
  }
  return front.members.at(-1)!;
}
