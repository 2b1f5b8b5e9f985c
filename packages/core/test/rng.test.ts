import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, hashString, sample, shuffled } from "../src/index.js";

const draw = (seed: number | string, count: number) => {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe("createRng", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draw(42, 10)).toEqual(draw(42, 10));
    expect(draw("compile", 5)).toEqual(draw("compile", 5));
    expect(draw("compile", 5)).toEqual(draw(hashString("compile"), 5));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
  });

  it("pins its output, so seeds mean the same thing on every machine and release", () => {
    expect(draw(42, 3)).toMatchInlineSnapshot(`
      [
        0.6606157226487994,
        0.12688010395504534,
        0.11170196393504739,
      ]
    `);
    expect(hashString("lathe")).toMatchInlineSnapshot(`1194187877`);
  });

  it("draws floats in [0, 1) and integers in [min, max]", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const rng = createRng(seed);
        const value = rng.next();
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
        const integer = rng.int(min, min + span);
        expect(Number.isInteger(integer)).toBe(true);
        expect(integer).toBeGreaterThanOrEqual(min);
        expect(integer).toBeLessThanOrEqual(min + span);
      }),
      { numRuns: 200 },
    );
  });

  it("reaches every integer of a small range", () => {
    const rng = createRng(5);
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rejects an empty or fractional range", () => {
    expect(() => createRng(1).int(3, 2)).toThrow("rng.int needs integers min <= max, got 3 and 2");
    expect(() => createRng(1).int(0, 1.5)).toThrow(RangeError);
  });

  it("forks independent, reproducible streams by label", () => {
    const root = createRng(9);
    const a = root.fork("a");
    const again = createRng(9).fork("a");
    const b = createRng(9).fork("b");
    const first = [a.next(), a.next()];
    expect([again.next(), again.next()]).toEqual(first);
    expect([b.next(), b.next()]).not.toEqual(first);
    // Forking does not advance the parent.
    expect(root.next()).toBe(createRng(9).next());
  });
});

describe("shuffled and sample", () => {
  it("shuffles into a permutation without touching the input", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.integer(), (items, seed) => {
        const copy = [...items];
        const result = shuffled(items, createRng(seed));
        expect(items).toEqual(copy);
        expect([...result].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(shuffled(items, createRng(seed))).toEqual(result);
      }),
      { numRuns: 100 },
    );
  });

  it("samples distinct items, at most as many as there are", () => {
    const items = ["a", "b", "c", "d", "e"];
    const picked = sample(items, 3, createRng(1));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(sample(items, 10, createRng(1))).toHaveLength(5);
    expect(sample(items, -1, createRng(1))).toEqual([]);
    expect(sample(items, 3, createRng(1))).toEqual(picked);
  });
});
