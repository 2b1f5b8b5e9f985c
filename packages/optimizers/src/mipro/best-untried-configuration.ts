import type { Rng } from "@lathe/core";
import { configurationKey } from "./categorical-space.js";

interface Node {
  readonly ranks: readonly number[];
  readonly score: number;
  readonly order: number;
}

/**
 * The untried configuration maximising the additive score `Σ scores[p][x_p]`, or `undefined`
 * when every configuration was tried. A best-first walk over each parameter's categories in
 * descending score order: it visits at most `tried + 1` configurations, never the whole space.
 * Categories with equal scores are ranked in random order.
 */
export function bestUntriedConfiguration(
  scores: readonly (readonly number[])[],
  tried: ReadonlySet<string>,
  rng: Rng,
): number[] | undefined {
  const rankings = scores.map((parameterScores) => {
    const tieBreak = parameterScores.map(() => rng.next());
    return parameterScores
      .map((_, index) => index)
      .sort((a, b) => parameterScores[b]! - parameterScores[a]! || tieBreak[a]! - tieBreak[b]!);
  });
  const indicesOf = (ranks: readonly number[]) => ranks.map((rank, position) => rankings[position]![rank]!);
  const scoreOf = (ranks: readonly number[]) =>
    ranks.reduce((sum, rank, position) => sum + scores[position]![rankings[position]![rank]!]!, 0);

  let order = 0;
  const start = scores.map(() => 0);
  const frontier: Node[] = [{ ranks: start, score: scoreOf(start), order: order++ }];
  const visited = new Set([configurationKey(start)]);
  while (frontier.length > 0) {
    const node = popBest(frontier);
    const indices = indicesOf(node.ranks);
    if (!tried.has(configurationKey(indices))) return indices;
    node.ranks.forEach((rank, position) => {
      if (rank + 1 >= rankings[position]!.length) return;
      const next = node.ranks.map((value, other) => (other === position ? value + 1 : value));
      const key = configurationKey(next);
      if (visited.has(key)) return;
      visited.add(key);
      frontier.push({ ranks: next, score: scoreOf(next), order: order++ });
    });
  }
  return undefined;
}

/** Removes and returns the highest-scoring node (earliest pushed on ties). */
function popBest(frontier: Node[]): Node {
  let best = 0;
  for (let index = 1; index < frontier.length; index++) {
    const node = frontier[index]!;
    const current = frontier[best]!;
    if (node.score > current.score || (node.score === current.score && node.order < current.order)) {
      best = index;
    }
  }
  const [node] = frontier.splice(best, 1);
  return node!;
}
