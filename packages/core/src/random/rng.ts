/**
 * A small seeded pseudo-random generator (SplitMix32 seeding a xoshiro128**), so that every
 * random choice in Lathe is reproducible from a seed. Not for cryptography.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** A new independent generator derived from this one and a label. */
  fork(label: string | number): Rng;
}

export function createRng(seed: number | string): Rng {
  return new Xoshiro128(typeof seed === "number" ? seed : hashString(seed));
}

/** FNV-1a, 32 bits: turns a label into a seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class Xoshiro128 implements Rng {
  private readonly state: Uint32Array;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = new Uint32Array(4);
    let x = this.seed;
    for (let index = 0; index < 4; index++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[index] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  next(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result / 4294967296;
  }

  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got ${min} and ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  fork(label: string | number): Rng {
    return new Xoshiro128(hashString(`${this.seed}:${label}`));
  }
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
