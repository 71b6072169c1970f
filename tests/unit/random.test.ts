import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random.ts';

const draw = (seed: number, count: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe('createRng', () => {
  it('replays the same stream for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
  });

  it('gives different streams for nearby seeds', () => {
    const a = draw(1, 20);
    const b = draw(2, 20);
    expect(a.filter((v, i) => v === b[i])).toHaveLength(0);
  });

  it('keeps next() in [0, 1) with a sane mean and spread', () => {
    const xs = draw(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it('draws uniform(a, b) inside [a, b)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const v = rng.uniform(-0.5, 0.5);
      expect(v).toBeGreaterThanOrEqual(-0.5);
      expect(v).toBeLessThan(0.5);
    }
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('draws int(n) over every value of [0, n)', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k)).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shuffles a typed array into a permutation, reproducibly', () => {
    const a = createRng(9).shuffle(Uint32Array.from({ length: 50 }, (_, i) => i));
    const b = createRng(9).shuffle(Uint32Array.from({ length: 50 }, (_, i) => i));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('treats a non-finite seed as 0 rather than failing', () => {
    expect(draw(Number.NaN, 5)).toEqual(draw(0, 5));
  });
});

describe('getState / setState', () => {
  it('a generator set to the state of another continues its stream, the cached normal included', () => {
    const a = createRng(11);
    a.next();
    a.normal(); // leaves a spare normal cached
    const b = createRng(99);
    b.setState(JSON.parse(JSON.stringify(a.getState())) as number[]);
    expect([b.normal(), b.next(), b.int(1000)]).toEqual([a.normal(), a.next(), a.int(1000)]);
  });

  it('rejects anything that is not a state', () => {
    const r = createRng(1);
    expect(() => r.setState([1, 2, 3])).toThrow(RangeError);
    expect(() => r.setState([1, 2, 3, 2 ** 32, 0, 0])).toThrow(/not a generator state/);
  });
});
