/**
 * The table behind the vectorised sigmoid and SiLU (src/lib/activations/kernels/sigmoid-table.ts):
 * sampled entries against 80-digit values, the kernels on many random points against the oracle
 * and the scalar functions, and the inputs the loop cannot do itself (outside the table, huge,
 * non-finite), which must come out exactly as the scalar functions give them. Accuracy at every
 * fixture point is checked in activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { logistic } from '../../src/lib/activations/shared.ts';
import { siluValue } from '../../src/lib/activations/softplus-family.ts';
import {
  sigmoidInTable,
  sigmoidTableEntry,
  sigmoidTableInto,
  siluTableInto,
} from '../../src/lib/activations/kernels/sigmoid-table.ts';
import { D, exactDecimal, sigmoid, toDouble } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import { disagreements, tableInputs, uniform } from './table-kernel-check.ts';

describe('sigmoid table', () => {
  test('sampled entries: 1 + e^{-k/256} correctly rounded', () => {
    for (const k of [-8192, -8191, -5000, -257, -256, -1, 0, 1, 2, 255, 256, 1000, 5000, 8191]) {
      const exact = D.exp(new D(-k).div(256)).plus(1);
      expect(sigmoidTableEntry(k), `k = ${k}`).toBe(toDouble(exact));
    }
  });

  test('σ and SiLU within 3 ULP of the 80-digit oracle on 3000 random points in the table', () => {
    const wide = uniform(4242, -32, 32);
    const near = uniform(4243, -2, 2);
    const xs = Float64Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? wide() : near()));
    const s = sigmoidTableInto(xs, new Float64Array(xs.length), logistic);
    const si = siluTableInto(xs, new Float64Array(xs.length), siluValue);
    let worstS = 0;
    let worstSi = 0;
    xs.forEach((x, i) => {
      const exact = sigmoid(exactDecimal(x));
      worstS = Math.max(worstS, ulpDistance(s[i]!, toDouble(exact)));
      worstSi = Math.max(worstSi, ulpDistance(si[i]!, toDouble(exact.times(exactDecimal(x)))));
    });
    expect(worstS).toBeLessThanOrEqual(3);
    expect(worstSi).toBeLessThanOrEqual(3);
  }, 60_000); // 80-digit exps: a few seconds alone, several times that on a loaded machine

  test('within 4 ULP of the scalar functions (each within 1 of the truth) on 400k random points', () => {
    const next = uniform(99, -33, 33);
    const xs = Float64Array.from({ length: 400_000 }, next);
    const s = sigmoidTableInto(xs, new Float64Array(xs.length), logistic);
    const si = siluTableInto(xs, new Float64Array(xs.length), siluValue);
    expect(disagreements(xs, s, logistic, 4).slice(0, 10)).toEqual([]);
    expect(disagreements(xs, si, siluValue, 4).slice(0, 10)).toEqual([]);
  });

  test('inputs outside the table, huge or non-finite give exactly the scalar result', () => {
    const rare = [
      32,
      -32.003,
      32 - 2 ** -10, // rounds to row 16384, one past the last
      -33,
      40,
      -40,
      -745,
      -1e300,
      1e300,
      Infinity,
      -Infinity,
      NaN,
      // |x| ≥ 2^23 wraps the 32-bit row index: 2^25·256 = 2^33 lands on row 0 + MID, a valid
      // row, so only the sum of squares catches these
      2 ** 25,
      -(2 ** 25),
      2 ** 33 + 0.5,
    ];
    const xs = tableInputs(5001, -30, 30, rare); // odd: the last element takes the tail path
    for (const [into, scalar] of [
      [sigmoidTableInto, logistic],
      [siluTableInto, siluValue],
    ] as const) {
      const out = into(xs, new Float64Array(xs.length), scalar);
      for (const x of rare) {
        const i = xs.indexOf(x);
        if (Number.isNaN(x)) expect(out[xs.findIndex(Number.isNaN)]).toBeNaN();
        else expect(Object.is(out[i], scalar(x)), `${scalar.name}(${x}) = ${out[i]}`).toBe(true);
      }
      expect(disagreements(xs, out, scalar, 4).slice(0, 10)).toEqual([]);
    }
  });

  test('a single huge input among in-table ones is caught (the row index alone would miss it)', () => {
    const xs = new Float64Array(4096).fill(0.5);
    xs[1234] = 2 ** 25;
    expect(sigmoidInTable(2 ** 25)).toBe(false);
    expect(sigmoidTableInto(xs, new Float64Array(xs.length), logistic)[1234]).toBe(1);
    expect(siluTableInto(xs, new Float64Array(xs.length), siluValue)[1234]).toBe(2 ** 25);
  });

  test('signed zeros, subnormals and the edges of the table', () => {
    const xs = Float64Array.from([0, -0, 5e-324, -5e-324, 1e-310, -32, 31.998, -32.0019]);
    const s = sigmoidTableInto(xs, new Float64Array(xs.length), logistic);
    const si = siluTableInto(xs, new Float64Array(xs.length), siluValue);
    expect(disagreements(xs, s, logistic, 3)).toEqual([]);
    expect(Object.is(si[0], 0) && Object.is(si[1], -0)).toBe(true);
    expect(disagreements(xs.subarray(4), si.subarray(4), siluValue, 3)).toEqual([]);
    // subnormal x: x/2 rounded to even, within 1 ULP of siluValue's upward tie
    expect(ulpDistance(si[2]!, siluValue(5e-324))).toBeLessThanOrEqual(1);
    expect(ulpDistance(si[3]!, siluValue(-5e-324))).toBeLessThanOrEqual(1);
  });
});
