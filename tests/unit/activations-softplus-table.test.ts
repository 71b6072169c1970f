/**
 * The table behind the vectorised softplus (src/lib/activations/kernels/softplus-table.ts): sampled
 * rows against 80-digit values and the kernel on large arrays with β and rare inputs. Its
 * accuracy at every fixture point is checked in activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { softplusValue } from '../../src/lib/activations/softplus-family.ts';
import {
  softplusTableInto,
  softplusTableRow,
} from '../../src/lib/activations/kernels/softplus-table.ts';
import { D, exactDecimal, log1p, toDouble } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import { disagreements, tableInputs } from './table-kernel-check.ts';

/** log(1 + e^{−u}) to 80 digits. */
const g = (u: number): ReturnType<typeof D> => log1p(D.exp(exactDecimal(-u)));

describe('softplus table', () => {
  test('sampled rows: g(c) as hi + lo within 2^-55 (an eighth of an ULP), the polynomial = g at the cell ends to 2^-55', () => {
    for (const k of [0, 1, 2, 5, 31, 32, 100, 333, 640, 1000, 1279, 1280]) {
      const c = k / 32;
      const row = softplusTableRow(k);
      const exact = g(c);
      expect(ulpDistance(row[0]!, toDouble(exact)), `row ${k} hi`).toBeLessThanOrEqual(1);
      expect(
        exactDecimal(row[0]!)
          .plus(exactDecimal(row[1]!))
          .minus(exact)
          .abs()
          .lte(exact.times(2 ** -55)),
        `row ${k} lo`,
      ).toBe(true);
      for (const b of [-1 / 64, 1 / 64]) {
        if (k === 0 && b < 0) continue;
        let poly = exactDecimal(0);
        for (let j = row.length - 1; j >= 2; j--)
          poly = exactDecimal(row[j]!).plus(exactDecimal(b).times(poly));
        const got = exactDecimal(row[0]!)
          .plus(exactDecimal(row[1]!))
          .plus(exactDecimal(b).times(poly));
        const want = g(c + b);
        expect(
          got
            .minus(want)
            .abs()
            .lte(want.times(2 ** -55)),
          `row ${k}, b = ${b}`,
        ).toBe(true);
      }
    }
  });

  test('large arrays: matches the scalar kernel within 2 ULP for β = 1, 0.1 and 10; rare inputs exactly', () => {
    const xs = tableInputs(5000, -50, 50, [
      0,
      -0,
      5e-324,
      40,
      -40,
      41,
      -41,
      745,
      -745,
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
    ]);
    for (const beta of [1, 0.1, 10]) {
      const out = softplusTableInto(xs, new Float64Array(xs.length), beta, softplusValue);
      expect(
        disagreements(xs, out, (x) => softplusValue(x, beta), 2),
        `β ${beta}`,
      ).toEqual([]);
    }
  });
});
