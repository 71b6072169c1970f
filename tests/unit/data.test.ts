import { describe, expect, it } from 'vitest';
import {
  appendPoint,
  datasetKinds,
  generators,
  isRegression,
  makeDataset,
  regressionGenerators,
  regressionKinds,
} from '../../src/lib/data/index.ts';
import { createRng } from '../../src/lib/random.ts';

describe.each(datasetKinds)('generator %s', (kind) => {
  const generate = generators[kind];

  it('makes n points, first half positive', () => {
    const points = generate(101, 0, createRng(1));
    expect(points).toHaveLength(101);
    expect(points.filter((p) => p.label === 1)).toHaveLength(51);
    expect(points.slice(0, 51).every((p) => p.label === 1)).toBe(true);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(generate(50, 0.2, createRng(4))).toEqual(generate(50, 0.2, createRng(4)));
    if (kind !== 'spiral') {
      expect(generate(50, 0.2, createRng(4))).not.toEqual(generate(50, 0.2, createRng(5)));
    }
  });

  it('moves points when noise rises', () => {
    const clean = generate(200, 0, createRng(8));
    const noisy = generate(200, 0.5, createRng(8));
    const spread = (ps: typeof clean): number => ps.reduce((s, p) => s + p.x * p.x + p.y * p.y, 0);
    expect(noisy).not.toEqual(clean);
    expect(spread(noisy)).not.toBeCloseTo(spread(clean), 0);
  });
});

describe('circle', () => {
  it('follows the benchmark contract: disc r < 2.5 labelled +1, ring 3.5 <= r < 5 labelled -1', () => {
    const points = generators.circle(500, 0, createRng(2));
    points.forEach((p, i) => {
      const r = Math.hypot(p.x, p.y);
      if (i < 250) {
        expect(p.label).toBe(1);
        expect(r).toBeLessThan(2.5 + 1e-12);
      } else {
        expect(p.label).toBe(-1);
        expect(r).toBeGreaterThanOrEqual(3.5 - 1e-12);
        expect(r).toBeLessThan(5 + 1e-12);
      }
    });
  });
});

describe('xor', () => {
  it('labels by the sign of x·y when clean', () => {
    for (const p of generators.xor(200, 0, createRng(3)))
      expect(p.label).toBe(p.x * p.y > 0 ? 1 : -1);
  });
});

describe('makeDataset', () => {
  const base = { kind: 'circle', n: 500, noise: 0, seed: 42, testFraction: 0.5 } as const;

  it('splits into row-major train and test arrays of the right sizes', () => {
    const { train, test } = makeDataset({ ...base, testFraction: 0.2 });
    expect(train.n).toBe(400);
    expect(test.n).toBe(100);
    expect(train.inputs).toHaveLength(800);
    expect(train.targets).toHaveLength(400);
    expect(test.inputs).toHaveLength(200);
    expect(test.classes).toHaveLength(100);
  });

  it('writes signed labels by default and binary ones on request', () => {
    const signed = makeDataset(base);
    const binary = makeDataset({ ...base, labels: 'binary' });
    expect(new Set(signed.train.targets)).toEqual(new Set([1, -1]));
    expect(new Set(binary.train.targets)).toEqual(new Set([1, 0]));
    expect(binary.train.inputs).toEqual(signed.train.inputs);
    signed.train.targets.forEach((t, i) => expect(signed.train.classes[i]).toBe(t > 0 ? 1 : 0));
  });

  it('keeps the class balance over the two splits and shuffles them', () => {
    const { train, test } = makeDataset(base);
    const positives = (xs: Float64Array): number => xs.filter((t) => t > 0).length;
    expect(positives(train.targets) + positives(test.targets)).toBe(250);
    expect(positives(train.targets)).toBeGreaterThan(80);
    expect(positives(train.targets)).toBeLessThan(170);
  });

  it('is deterministic per seed', () => {
    expect(makeDataset(base)).toEqual(makeDataset(base));
    expect(makeDataset(base).train.inputs).not.toEqual(
      makeDataset({ ...base, seed: 43 }).train.inputs,
    );
  });

  it('rejects bad sizes, naming them', () => {
    expect(() => makeDataset({ ...base, n: -1 })).toThrow(/bad n -1/);
    expect(() => makeDataset({ ...base, testFraction: 2 })).toThrow(/testFraction 2/);
  });
});

describe('appendPoint', () => {
  it('returns a bigger copy in the split label form and leaves the original alone', () => {
    const { train } = makeDataset({
      kind: 'xor',
      n: 20,
      noise: 0,
      seed: 1,
      testFraction: 0.5,
      labels: 'binary',
    });
    const more = appendPoint(train, 1.5, -2, false);
    expect(more.n).toBe(train.n + 1);
    expect(train.inputs).toHaveLength(2 * train.n);
    expect(more.inputs.slice(-2)).toEqual(new Float64Array([1.5, -2]));
    expect(more.targets[more.n - 1]).toBe(0);
    expect(more.classes[more.n - 1]).toBe(0);
    const signed = appendPoint({ ...train, labels: 'signed' }, 0, 0, false);
    expect(signed.targets[signed.n - 1]).toBe(-1);
    expect(appendPoint(train, 0, 0, true).targets[train.n]).toBe(1);
  });
});

describe('regression problems', () => {
  it.each(regressionKinds)(
    '%s: values in [-1.2, 1.2] over the [-6, 6] square, seeded, split as asked',
    (kind) => {
      const a = makeDataset({ kind, n: 200, noise: 0, seed: 4, testFraction: 0.25 });
      const b = makeDataset({ kind, n: 200, noise: 0, seed: 4, testFraction: 0.25 });
      expect([a.train.n, a.test.n]).toEqual([150, 50]);
      expect(Array.from(a.train.targets)).toEqual(Array.from(b.train.targets));
      for (const s of [a.train, a.test]) {
        for (let i = 0; i < s.n; i++) {
          expect(Math.abs(s.inputs[2 * i]!)).toBeLessThanOrEqual(6);
          expect(Math.abs(s.targets[i]!)).toBeLessThanOrEqual(1.2);
          expect(s.classes[i]).toBe(s.targets[i]! > 0 ? 1 : 0);
        }
      }
      expect(isRegression(kind)).toBe(true);
      expect(isRegression('circle')).toBe(false);
    },
  );

  it('the plane is (x + y) / 10 without noise, and noise moves the values', () => {
    const points = regressionGenerators['reg-plane'](50, 0, createRng(1));
    for (const p of points) expect(p.value).toBeCloseTo((p.x + p.y) / 10, 12);
    const noisy = regressionGenerators['reg-plane'](50, 0.5, createRng(1));
    expect(noisy.some((p) => Math.abs(p.value - (p.x + p.y) / 10) > 0.05)).toBe(true);
  });

  it('the bumps alternate in sign and vanish far from every centre', () => {
    const gauss = regressionGenerators['reg-gauss'](2000, 0, createRng(2));
    const near = (cx: number, cy: number) =>
      gauss.filter((p) => Math.hypot(p.x - cx, p.y - cy) < 0.5);
    expect(near(-4, 2.5).every((p) => p.value > 0.7)).toBe(true);
    expect(near(0, 2.5).every((p) => p.value < -0.7)).toBe(true);
    expect(
      gauss.filter((p) => Math.abs(p.y) < 0.1 && Math.abs(p.x) > 5.9).every((p) => p.value === 0),
    ).toBe(true);
  });
});
