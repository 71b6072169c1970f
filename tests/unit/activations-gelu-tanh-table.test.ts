/**
 * The table behind the vectorised GELU-tanh (src/lib/activations/kernels/gelu-tanh-table.ts): sampled
 * rows against 80-digit values and the kernel on large arrays with rare inputs. Its accuracy at
 * every fixture point is checked in activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { geluTanhSlope, geluTanhValue } from '../../src/lib/activations/gelu.ts';
import {
  B_HI,
  geluTanhSlopeTableInto,
  geluTanhSlopeTableRow,
  geluTanhTableInto,
  geluTanhTableRow,
  TWO_ROOT_HI,
  TWO_ROOT_LO,
} from '../../src/lib/activations/kernels/gelu-tanh-table.ts';
import { D, exactDecimal, GELU_TANH_K, reference, sigmoid } from '../support/reference-math.ts';
import { disagreements, tableInputs } from './table-kernel-check.ts';

/** G(t) = t·σ(−v(t)) = −GELU-tanh(−t), to 80 digits. */
const G = (t: ReturnType<typeof D>): ReturnType<typeof D> =>
  reference['gelu-tanh']!.f(t.neg()).neg();

describe('GELU-tanh table', () => {
  test('sampled rows: H_k(b)·e^{−b(A + 3B·c·t)} = G(c + b) within an ULP across the cell', () => {
    for (const k of [0, 1, 2, 3, 8, 100, 640, 1280, 2000, 2559, 2560]) {
      const c = k / 128;
      const row = geluTanhTableRow(k);
      for (const b of [-1 / 256, -0.002, 0.001, 1 / 256]) {
        if (k === 0 && b <= 0) continue;
        // the polynomial in exact arithmetic: the test checks the coefficients, not the loop's roundings
        let h = exactDecimal(0);
        for (let j = row.length - 1; j >= 0; j--)
          h = exactDecimal(row[j]!).plus(exactDecimal(b).times(h));
        const t = exactDecimal(c).plus(exactDecimal(b));
        const exponent = exactDecimal(b).times(
          exactDecimal(TWO_ROOT_HI).plus(
            exactDecimal(3 * B_HI)
              .times(exactDecimal(c))
              .times(t),
          ),
        );
        const want = G(t);
        const got = h.times(D.exp(exponent.neg()));
        // the rows' doubles are rounded (h0 included), so about half an ULP is the floor
        expect(
          got
            .minus(want)
            .abs()
            .lte(want.times(2 ** -52.5)),
          `row ${k}, b = ${b}`,
        ).toBe(true);
      }
    }
  });

  test('large arrays: matches the scalar kernel within 3 ULP, rare inputs exactly', () => {
    const rare = [
      0,
      -0,
      5e-324,
      -5e-324,
      1e-12,
      -1e-12,
      20.5,
      -20.5,
      -29,
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
    ];
    const xs = tableInputs(5000, -22, 22, rare);
    const out = geluTanhTableInto(xs, new Float64Array(xs.length), geluTanhValue);
    expect(disagreements(xs, out, geluTanhValue, 3)).toEqual([]);
  });
});

describe("GELU-tanh' table", () => {
  test("large arrays: matches the scalar GELU-tanh' within 4 ULP (2^-52 absolute near its zero), rare inputs exactly", () => {
    const xs = tableInputs(5000, -22, 22, [
      0,
      -0,
      5e-324,
      -5e-324,
      20.5,
      -20.5,
      -29,
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
    ]);
    const out = geluTanhSlopeTableInto(xs, new Float64Array(xs.length), geluTanhSlope);
    expect(disagreements(xs, out, geluTanhSlope, 4, 2 ** -52)).toEqual([]);
  });

  test("sampled rows: S_k(b)·e^{−b(A + 3B·c·t)} = G'(c + b), the slope of G, to 2^-50 of its terms", () => {
    for (const k of [0, 1, 64, 96, 640, 1280, 2560]) {
      const c = k / 128;
      const row = geluTanhSlopeTableRow(k);
      for (const b of [-1 / 256, 1 / 256]) {
        if (k === 0 && b < 0) continue;
        let s = exactDecimal(0);
        for (let j = row.length - 1; j >= 0; j--)
          s = exactDecimal(row[j]!).plus(exactDecimal(b).times(s));
        const t = exactDecimal(c).plus(exactDecimal(b));
        const exponent = exactDecimal(b).times(
          exactDecimal(TWO_ROOT_HI).plus(
            exactDecimal(3 * B_HI)
              .times(exactDecimal(c))
              .times(t),
          ),
        );
        const got = s.times(D.exp(exponent.neg()));
        // G'(t) = σ(−v) − t·σ(v)σ(−v)·v'(t) with v = 2√(2/π)(t + 0.044715t³), at 80 digits (not as
        // 1 − GELU-tanh'(t), which cancels completely in the tail)
        const v = exactDecimal(TWO_ROOT_HI)
          .plus(exactDecimal(TWO_ROOT_LO))
          .times(t.plus(GELU_TANH_K.times(t.pow(3))));
        const dv = exactDecimal(TWO_ROOT_HI)
          .plus(exactDecimal(TWO_ROOT_LO))
          .times(exactDecimal(1).plus(GELU_TANH_K.times(3).times(t.times(t))));
        const sMinus = sigmoid(v.neg());
        const second = t.times(sigmoid(v)).times(sMinus).times(dv);
        const want = sMinus.minus(second);
        // near GELU-tanh's minimum the two terms cancel: the error is held against their size
        const scale = D.max(sMinus, second);
        expect(
          got
            .minus(want)
            .abs()
            .lte(scale.times(2 ** -50)),
          `row ${k}, b = ${b}`,
        ).toBe(true);
      }
    }
  });
});
