/**
 * The table behind the vectorised tanh (src/lib/activations/kernels/tanh-table.ts): its rows against
 * 60-digit values, and the kernel's special inputs. Its accuracy over the whole range is checked
 * with every other kernel in activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { tanhTableInto, tanhTableRow } from '../../src/lib/activations/kernels/tanh-table.ts';
import { D, exactDecimal, toDouble } from '../support/reference-math.ts';

describe('tanh table', () => {
  test('every row: hi correctly rounded, hi + lo within 2^-95 of tanh(k/64), 1 − t² within 1 ULP', () => {
    for (let k = 0; k <= 1280; k++) {
      const exact = D.tanh(exactDecimal(k / 64));
      const [hi, lo, d] = tanhTableRow(k);
      expect(hi, `row ${k}`).toBe(toDouble(exact));
      const err = exact.minus(exactDecimal(hi)).minus(exactDecimal(lo)).abs();
      expect(err.lte(exact.times(2 ** -95)), `row ${k} lo`).toBe(true);
      const oneMinus = D(1).minus(exact.times(exact));
      expect(Math.abs(d - toDouble(oneMinus)) <= Math.abs(d) * 2 ** -52, `row ${k} 1 − t²`).toBe(
        true,
      );
    }
  });

  test('special inputs: ±0 keep their sign, ±Infinity give ±1, NaN stays NaN, huge inputs give ±1', () => {
    const xs = new Float64Array([
      0,
      -0,
      Infinity,
      -Infinity,
      NaN,
      1e308,
      -1e308,
      20,
      -19.99,
      5e-324,
    ]);
    const out = tanhTableInto(xs, new Float64Array(xs.length));
    expect(Object.is(out[0], 0)).toBe(true);
    expect(Object.is(out[1], -0)).toBe(true);
    expect([out[2], out[3], out[5], out[6], out[7]]).toEqual([1, -1, 1, -1, 1]);
    expect(out[4]).toBeNaN();
    expect(out[8]).toBe(-1);
    expect(out[9]).toBe(5e-324);
  });

  test('writes in place', () => {
    const xs = new Float64Array([0.3, -2, 7]);
    const expected = Array.from(xs, Math.tanh);
    tanhTableInto(xs, xs);
    xs.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-15));
  });
});
