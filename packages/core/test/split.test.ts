import { describe, expect, it } from "vitest";
import { datasetHash, shuffleExamples, splitExamples } from "../src/index.js";

const examples = Array.from({ length: 50 }, (_, index) => ({ id: index }));
const ids = (part: readonly { id: number }[]) => part.map((example) => example.id);

describe("shuffleExamples", () => {
  it("is a deterministic permutation for a seed, and leaves the input alone", () => {
    const before = structuredClone(examples);
    const once = shuffleExamples(examples, 7);
    expect(shuffleExamples(examples, 7)).toEqual(once);
    expect(ids(once).sort((a, b) => a - b)).toEqual(ids(examples));
    expect(ids(once)).not.toEqual(ids(examples));
    expect(examples).toEqual(before);
  });

  it("differs between seeds", () => {
    expect(ids(shuffleExamples(examples, 1))).not.toEqual(ids(shuffleExamples(examples, 2)));
  });

  it("pins the order for a seed, so that datasets split the same way on every machine", () => {
    expect(ids(shuffleExamples(examples.slice(0, 10), 42))).toMatchInlineSnapshot(`
      [
        4,
        8,
        0,
        6,
        3,
        5,
        9,
        7,
        1,
        2,
      ]
    `);
  });
});

describe("splitExamples", () => {
  it("splits by counts into disjoint parts, deterministically", () => {
    const [train, dev, rest] = splitExamples(examples, { seed: 3, sizes: [20, 10, 5] });
    expect([train!.length, dev!.length, rest!.length]).toEqual([20, 10, 5]);
    const all = [...ids(train!), ...ids(dev!), ...ids(rest!)];
    expect(new Set(all).size).toBe(35);
    expect(splitExamples(examples, { seed: 3, sizes: [20, 10, 5] })).toEqual([train, dev, rest]);
    expect(all).toEqual(ids(shuffleExamples(examples, 3)).slice(0, 35));
  });

  it("splits by fractions", () => {
    const [train, dev] = splitExamples(examples, { seed: 1, sizes: [0.8, 0.2] });
    expect([train!.length, dev!.length]).toEqual([40, 10]);
    expect(new Set([...ids(train!), ...ids(dev!)]).size).toBe(50);
  });

  it("never makes fractional parts add up to more than the data", () => {
    const five = examples.slice(0, 5);
    expect(splitExamples(five, { seed: 1, sizes: [0.5, 0.5] }).map((part) => part.length)).toEqual([3, 2]);
    expect(splitExamples(five, { seed: 1, sizes: [0.7, 0.3] }).map((part) => part.length)).toEqual([4, 1]);
    const thirds = splitExamples(examples.slice(0, 10), { seed: 1, sizes: [1 / 3, 1 / 3, 1 / 3] });
    expect(thirds.map((part) => part.length)).toEqual([3, 4, 3]);
    expect(new Set(thirds.flat().map((example) => example.id)).size).toBe(10);
  });

  it("rejects sizes that exceed the data or are not counts", () => {
    expect(() => splitExamples(examples, { seed: 1, sizes: [40, 20] })).toThrow(
      "split sizes 40 + 20 exceed the 50 examples",
    );
    expect(() => splitExamples(examples, { seed: 1, sizes: [0.7, 0.7] })).toThrow(/exceed the 50 examples/);
    expect(() => splitExamples(examples, { seed: 1, sizes: [2.5, 3] })).toThrow(
      "split sizes must be whole counts or fractions, got 2.5, 3",
    );
    expect(() => splitExamples(examples, { seed: 1, sizes: [-1] })).toThrow(RangeError);
  });
});

describe("datasetHash", () => {
  it("depends on content and order, not on key order", () => {
    const a = [{ q: 1, a: 2 }, { q: 3 }];
    expect(datasetHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetHash([{ a: 2, q: 1 }, { q: 3 }])).toBe(datasetHash(a));
    expect(datasetHash([{ q: 3 }, { q: 1, a: 2 }])).not.toBe(datasetHash(a));
    expect(datasetHash([{ q: 1, a: 3 }, { q: 3 }])).not.toBe(datasetHash(a));
  });
});
