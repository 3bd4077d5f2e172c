/** A small seeded PRNG (mulberry32) with the helpers the mutators need. Every case gets its own stream. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** A stream for case `index` of run `seed`: the same case is reproduced whatever else ran before it. */
  static forCase(seed: number, index: number): Rng {
    let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    return new Rng(h ^ (h >>> 13));
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** Mostly small, sometimes large: 1, 2, 4 … up to `max`, each doubling half as likely. */
  geometric(max: number): number {
    let n = 1;
    while (n < max && this.chance(0.5)) n *= 2;
    return Math.min(max, n + this.int(n));
  }
  /** A weighted choice among `[weight, value]` pairs. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of items) {
      if ((r -= w) < 0) return v;
    }
    return items[items.length - 1][1];
  }
}
