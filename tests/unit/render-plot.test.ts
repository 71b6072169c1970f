/**
 * The build-time renderer's size reductions must not move anything: relative polylines add up
 * to the same points (to the hundredth of a pixel), other paths pass through untouched.
 */
import { describe, expect, test } from 'vitest';
import { relativePolyline } from '../../src/build/render-plot.ts';

/** Absolute points of an M/l path, summing the relative steps. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, c, xs, ys] of d.matchAll(/([MLl])(-?[\d.]+),(-?[\d.]+)/g)) {
    x = c === 'l' ? x + Number(xs) : Number(xs);
    y = c === 'l' ? y + Number(ys) : Number(ys);
    out.push([x, y]);
  }
  return out;
}

describe('relativePolyline', () => {
  test('a sampled curve keeps every point to the hundredth of a pixel', () => {
    const abs = Array.from(
      { length: 400 },
      (_, i) => [40 + i * 1.4536, 180 - 140 * Math.tanh((i - 200) / 40)] as const,
    );
    const d = `M${abs.map(([x, y]) => `${x},${y}`).join('L')}`;
    const rel = relativePolyline(d);
    expect(rel).toMatch(/^M[\d.]+,[\d.]+l/);
    expect(rel.length).toBeLessThan(d.length / 2);
    const back = points(rel);
    expect(back).toHaveLength(abs.length);
    back.forEach(([x, y], i) => {
      expect(Math.abs(x - abs[i]![0])).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(y - abs[i]![1])).toBeLessThanOrEqual(0.0051);
    });
  });
  test('exact hundredths, negative steps, a closing Z and exponents', () => {
    expect(relativePolyline('M1,2L3.333333,4.5L5,6Z')).toBe('M1,2l2.33,2.5l1.67,1.5Z');
    expect(relativePolyline('M1e-7,2L3,4L2,1')).toBe('M0,2l3,2l-1,-3');
  });
  test('tick marks, curves and other commands pass through', () => {
    for (const d of ['M0,0L-6,0', 'M0,0C1,2,3,4,5,6', 'M0,0L1,1L2,2H4', 'M0,0A1,1,0,0,1,2,2'])
      expect(relativePolyline(d)).toBe(d);
  });
});
