/**
 * The inlined exp behind the vectorised kernels (src/lib/activations/kernels/fast-exp.ts),
 * against V8's Math.exp (fdlibm, < 1 ULP) on many points and against the 80-digit oracle on a
 * sample, including the ends of their domains and the table boundaries.
 */
import { describe, expect, test } from 'vitest';
import { expFast } from '../../src/lib/activations/kernels/fast-exp.ts';
import { D, exactDecimal, toDouble } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import { uniform } from './table-kernel-check.ts';

/** Points that stress the reduction: domain ends and the edges between table cells. */
const edges: number[] = [-708, 708, -700, 700, 0, -0, 5e-324, -5e-324, 1e-300, -1e-18, 1e-18];
for (let n = -1000; n <= 1000; n += 7) {
  const c = (n * Math.LN2) / 128 + (Math.LN2 / 256) * (n % 2 === 0 ? 1 : -1);
  edges.push(c, c * (1 + 2 ** -52), c * (1 - 2 ** -52));
}

describe('expFast', () => {
  test('within 1 ULP of Math.exp on 300k points in [-708, 708] and at the edges', () => {
    const next = uniform(12345, -708, 708);
    const bad: string[] = [];
    const check = (y: number): void => {
      const u = ulpDistance(expFast(y), Math.exp(y));
      if (u > 1) bad.push(`expFast(${y}) = ${expFast(y)}, Math.exp ${Math.exp(y)}: ${u} ULP`);
    };
    for (let i = 0; i < 300_000; i++) check(next());
    edges.forEach(check);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('within 1 ULP of the 80-digit exp on 3000 points', () => {
    const wide = uniform(777, -708, 708);
    const near = uniform(778, -3, 3);
    let worst = 0;
    for (let i = 0; i < 3000; i++) {
      const y = i % 2 === 0 ? wide() : near();
      worst = Math.max(worst, ulpDistance(expFast(y), toDouble(D.exp(exactDecimal(y)))));
    }
    expect(worst).toBeLessThanOrEqual(1);
  }, 30_000); // 80-digit exps: about 2 s alone, several times that on a loaded machine
});
