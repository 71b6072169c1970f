/**
 * The table behind the vectorised ELU and SELU (src/lib/activations/kernels/elu-table.ts):
 * sampled rows against 80-digit values, the kernels on random points against the oracle and the
 * scalar functions, and the inputs the loop cannot do itself, which must come out exactly as
 * the scalar functions give them. Accuracy at every fixture point is checked in
 * activations-accuracy.test.ts.
 */
import { describe, expect, test } from 'vitest';
import {
  eluSlope,
  eluValue,
  SELU_SCALE,
  SELU_SCALE_ALPHA,
  seluSlope,
  seluValue,
} from '../../src/lib/activations/elu-family.ts';
import {
  eluInTable,
  eluSlopeTableInto,
  eluTableInto,
  eluTableRow,
} from '../../src/lib/activations/kernels/elu-table.ts';
import { D, exactDecimal, expm1, toDouble } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import { disagreements, tableInputs, uniform } from './table-kernel-check.ts';

/** The four forms the kernels serve: [name, into, scale, scaleAlpha, scalar]. */
const forms = [
  ['ELU', eluTableInto, 1, 1, (x: number) => eluValue(x, 1)],
  ['ELU α = 1.7', eluTableInto, 1, 1.7, (x: number) => eluValue(x, 1.7)],
  ['SELU', eluTableInto, SELU_SCALE, SELU_SCALE_ALPHA, seluValue],
  ["ELU'", eluSlopeTableInto, 1, 1, (x: number) => eluSlope(x, 1)],
  ["SELU'", eluSlopeTableInto, SELU_SCALE, SELU_SCALE_ALPHA, seluSlope],
] as const;

describe('ELU table', () => {
  test('sampled rows: e^c − 1 as hi + lo within 2^-100 relative, e^c correctly rounded', () => {
    for (const r of [1, 2, 3, 100, 255, 256, 1000, 4096, 8000, 8191]) {
      const c = new D(-r).div(256);
      const [hi, lo, e] = eluTableRow(r);
      const exact = expm1(c);
      const got = exactDecimal(hi!).plus(exactDecimal(lo!));
      expect(
        got
          .minus(exact)
          .abs()
          .lte(exact.abs().times(2 ** -100)),
        `row ${r}`,
      ).toBe(true);
      expect(e, `row ${r}`).toBe(toDouble(D.exp(c)));
    }
    expect(eluTableRow(0)).toEqual([0, 0, 1]);
  });

  test('ELU, SELU and their slopes within 3 ULP of the 80-digit oracle on 2000 random points', () => {
    const wide = uniform(515, -32, 1);
    const near = uniform(516, -0.05, 0.01);
    const xs = Float64Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? wide() : near()));
    const em1 = Array.from(xs, (x) => expm1(exactDecimal(x)));
    const exact = {
      ELU: (i: number) => (xs[i]! >= 0 ? xs[i]! : toDouble(em1[i]!)),
      'ELU α = 1.7': (i: number) => (xs[i]! >= 0 ? xs[i]! : toDouble(em1[i]!.times('1.7'))),
      // SELU's constants are the doubles the scalar code uses (λα rounded once from the decimals)
      SELU: (i: number) =>
        toDouble(
          xs[i]! >= 0
            ? exactDecimal(xs[i]!).times(exactDecimal(SELU_SCALE))
            : em1[i]!.times(exactDecimal(SELU_SCALE_ALPHA)),
        ),
      "ELU'": (i: number) => (xs[i]! > 0 ? 1 : toDouble(em1[i]!.plus(1))),
      "SELU'": (i: number) =>
        xs[i]! > 0 ? SELU_SCALE : toDouble(em1[i]!.plus(1).times(exactDecimal(SELU_SCALE_ALPHA))),
    };
    for (const [name, into, scale, scaleAlpha, scalar] of forms) {
      const out = into(xs, new Float64Array(xs.length), scale, scaleAlpha, scalar);
      let worst = 0;
      let at = 0;
      xs.forEach((x, i) => {
        const u = ulpDistance(out[i]!, exact[name](i));
        if (u > worst) [worst, at] = [u, x];
      });
      expect(worst, `${name}: worst at ${at}`).toBeLessThanOrEqual(3);
    }
  }, 60_000); // 80-digit expm1s: a few seconds alone, several times that on a loaded machine

  test('within 3 ULP of the scalar functions (each within 1 of the truth) on 300k random points', () => {
    const xs = Float64Array.from({ length: 300_000 }, uniform(77, -33, 3));
    for (const [name, into, scale, scaleAlpha, scalar] of forms) {
      const out = into(xs, new Float64Array(xs.length), scale, scaleAlpha, scalar);
      expect(disagreements(xs, out, scalar, 3).slice(0, 10), name).toEqual([]);
    }
  });

  test('inputs outside the table, huge or non-finite give exactly the scalar result', () => {
    const rare = [
      -32,
      -32.001,
      -40,
      -745,
      -1e300,
      1e300,
      Infinity,
      -Infinity,
      NaN,
      // x ≤ -2^23 wraps the 32-bit row index (-2^25·256 = -2^33 lands on row 0): only the sum
      // of t catches these
      -(2 ** 25),
      -(2 ** 33) - 0.5,
    ];
    const xs = tableInputs(5000, -31, 5, rare);
    for (const [name, into, scale, scaleAlpha, scalar] of forms) {
      const out = into(xs, new Float64Array(xs.length), scale, scaleAlpha, scalar);
      for (const x of rare) {
        const got = out[Number.isNaN(x) ? xs.findIndex(Number.isNaN) : xs.indexOf(x)]!;
        const want = scalar(x);
        expect(
          Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)),
          `${name}(${x})`,
        ).toBe(true);
      }
      expect(disagreements(xs, out, scalar, 3).slice(0, 10), name).toEqual([]);
    }
    expect(eluInTable(-(2 ** 25))).toBe(false);
  });

  test('a single huge negative input among in-table ones is caught (the row index alone would miss it)', () => {
    const xs = new Float64Array(4096).fill(-0.5);
    xs[77] = -(2 ** 25);
    expect(eluTableInto(xs, new Float64Array(xs.length), 1, 1, (x) => eluValue(x, 1))[77]).toBe(-1);
  });

  test('signed zeros: ELU(±0) = ±0, ELU′(±0) = α (the left-hand slope)', () => {
    const xs = Float64Array.from([0, -0, 5e-324, -5e-324]);
    for (const [name, into, scale, scaleAlpha, scalar] of forms) {
      const out = into(xs, new Float64Array(xs.length), scale, scaleAlpha, scalar);
      xs.forEach((x, i) => expect(Object.is(out[i], scalar(x)), `${name}(${x})`).toBe(true));
    }
  });
});
