import { createRng } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { paretoFront, pickFromFront } from "../../src/gepa/pareto-front.js";

describe("paretoFront", () => {
  it("lists the leaders of each example (wins and ties) and drops dominated candidates", () => {
    const front = paretoFront([
      [0, 0, 0, 0], // the seed: ties everywhere it leads, so it is dominated
      [1, 0, 0, 1],
      [0, 1, 0, 1],
      [1, 0, 0, 0], // leads only where candidate 1 leads too: dominated
    ]);
    expect(front.members).toEqual([1, 2]);
    expect(front.leaders).toEqual([[1], [2], [1, 2], [1, 2]]);
    expect(Object.fromEntries(front.weights)).toEqual({ 1: 3, 2: 3 });
  });

  it("keeps the earliest of identical candidates", () => {
    const front = paretoFront([
      [1, 0.5],
      [1, 0.5],
    ]);
    expect(front.members).toEqual([0]);
    expect(front.weights.get(0)).toBe(2);
  });

  it("draws members in proportion to the examples they lead, reproducibly", () => {
    const front = paretoFront([
      [1, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(Object.fromEntries(front.weights)).toEqual({ 0: 3, 1: 1 });
    const rng = createRng(5);
    const draws = Array.from({ length: 4000 }, (_, index) => pickFromFront(front, rng.fork(index)));
    const share = draws.filter((candidate) => candidate === 0).length / draws.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    const again = Array.from({ length: 4000 }, (_, index) => pickFromFront(front, createRng(5).fork(index)));
    expect(again).toEqual(draws);
  });
});
