/**
 * The table behind the vectorised exact GELU (src/lib/activations/kernels/gelu-table.ts) and its exp
 * (expNear0 in fast-exp.ts): the construction's end point, sampled rows against 80-digit values,
 * and the kernel on large arrays, rare inputs included. Its accuracy at every fixture point is
 * checked with the other kernels in activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expNear0, prepareExpNear0 } from '../../src/lib/activations/kernels/fast-exp.ts';
import { geluSlope, geluValue } from '../../src/lib/activations/gelu.ts';
import {
  geluSlopeTableInto,
  geluSlopeTableRow,
  geluTableInto,
  geluTableMillsAtZero,
  geluTableRow,
} from '../../src/lib/activations/kernels/gelu-table.ts';
import { D, exactDecimal, normalCdf, normalPdf, toDouble } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import { disagreements, tableInputs } from './table-kernel-check.ts';

describe('expNear0', () => {
  test('within 1 ULP of e^a (80 digits) on [-1/2, 1/2], at the table steps and between them', () => {
    prepareExpNear0();
    const points: number[] = [-0.5, 0.5, 0, -0, 2 ** -40];
    for (let j = -2048; j <= 2048; j += 37)
      points.push(j / 4096, (j + 0.5) / 4096, (j + 0.5) / 4096 - 2 ** -60);
    for (let i = 0; i < 400; i++) points.push(Math.sin(i * 12.9898) * 0.5);
    const bad = points.filter(
      (a) => ulpDistance(expNear0(a), toDouble(D.exp(exactDecimal(a)))) > 1,
    );
    expect(bad).toEqual([]);
  });
});

describe('GELU table', () => {
  test('the Taylor steps from t = 37 arrive at M(0) = √(π/2) to double-double accuracy', () => {
    const [hi, lo] = geluTableMillsAtZero();
    const exact = D.sqrt(D.acos(-1).div(2));
    const err = exactDecimal(hi).plus(exactDecimal(lo)).minus(exact).abs();
    expect(err.lte(exact.times(2 ** -100))).toBe(true);
  });

  test('sampled rows: r0 = c·Φ(−c) within 1 ULP, and the row polynomial = t·Φ(−t)·e^{c·b} at the cell ends', () => {
    for (const k of [0, 1, 7, 64, 100, 333, 640, 1000, 1500, 2000, 2368]) {
      const c = exactDecimal(k / 64);
      const row = geluTableRow(k);
      const r0 = c.times(normalCdf(c.neg()));
      if (k === 0) expect(row[0]).toBe(0);
      else expect(ulpDistance(row[0]!, toDouble(r0)), `row ${k}`).toBeLessThanOrEqual(1);
      // R_k(b) = t·Φ(−t)·e^{c·b} with t = c + b, to 2^-52 relative at the cell ends b = ±1/128
      for (const b of [-1 / 128, 1 / 128]) {
        if (k === 0 && b < 0) continue;
        const t = exactDecimal(k / 64 + b);
        const exact = t.times(normalCdf(t.neg())).times(D.exp(c.times(exactDecimal(b))));
        let poly = exactDecimal(0);
        for (let j = row.length - 1; j >= 0; j--)
          poly = exactDecimal(row[j]!).plus(exactDecimal(b).times(poly));
        const rel = poly.minus(exact).abs().div(exact);
        expect(rel.lte(2 ** -52), `row ${k}, b = ${b}: ${rel.toString()}`).toBe(true);
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
      37.5,
      -37.5,
      -38.7,
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
    ];
    const xs = tableInputs(5000, -40, 40, rare);
    const out = geluTableInto(xs, new Float64Array(xs.length), geluValue);
    expect(disagreements(xs, out, geluValue, 3)).toEqual([]);
    rare.forEach((x, i) =>
      expect(Object.is(out[100 * i + 3], geluValue(x)) || Number.isNaN(x), `${x}`).toBe(true),
    );
  });
});

describe("GELU' table", () => {
  test('sampled rows: S_k(b)·e^{−c·b} = Φ(−t) − t·φ(t) at the cell ends, within 2^-52 of the larger term', () => {
    for (const k of [0, 1, 7, 48, 64, 100, 333, 640, 1500, 2368]) {
      const c = exactDecimal(k / 64);
      const row = geluSlopeTableRow(k);
      for (const b of [-1 / 128, 1 / 128]) {
        if (k === 0 && b < 0) continue;
        const t = exactDecimal(k / 64 + b);
        const cdf = normalCdf(t.neg());
        const tPdf = t.times(normalPdf(t));
        const exact = cdf.minus(tPdf);
        let poly = exactDecimal(0);
        for (let j = row.length - 1; j >= 0; j--)
          poly = exactDecimal(row[j]!).plus(exactDecimal(b).times(poly));
        const got = poly.times(D.exp(c.times(exactDecimal(b)).neg()));
        // near GELU's minimum D crosses zero: the error is held against the terms' size there
        const scale = D.max(cdf, tPdf);
        expect(
          got
            .minus(exact)
            .abs()
            .lte(scale.times(2 ** -52)),
          `row ${k}, b = ${b}`,
        ).toBe(true);
      }
    }
  });

  test("large arrays: matches the scalar GELU' within 3 ULP (2^-52 absolute near its zero), rare inputs exactly", () => {
    const xs = tableInputs(5000, -40, 40, [
      0,
      -0,
      5e-324,
      -5e-324,
      37.5,
      -37.5,
      -38.7,
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
    ]);
    const out = geluSlopeTableInto(xs, new Float64Array(xs.length), geluSlope);
    expect(disagreements(xs, out, geluSlope, 3, 2 ** -52)).toEqual([]);
  });
});
