/**
 * The vectorised forms of sigmoid and tanh (the mathematics, and the scalar functions the
 * fix-up passes fall back on, are in ../sigmoid-tanh.ts).
 */
import { logistic } from '../shared.ts';
import { sigmoidSlope, tanhSlope } from '../sigmoid-tanh.ts';
import type { ActivationKernels } from '../types.ts';
import { expFast } from './fast-exp.ts';
import { checkLengths, fixUp, scalarInto, TABLE_MIN_LENGTH } from './loop.ts';
import { prepareSigmoidTable, sigmoidTableInto, sigmoidTableReady } from './sigmoid-table.ts';
import { tanhTableInto } from './tanh-table.ts';

/*
 * The derivatives' kernels (dfInto) use the inlined {@link expFast} for |x| up to these limits,
 * with no call and no unpredictable branch in the loop (the values use tables: σ's in
 * sigmoid-table.ts, tanh's in tanh-table.ts). Anything else (tails, ±Infinity, NaN) is rare: the
 * loop flags it and {@link fixUp} recomputes those elements with the scalar kernel afterwards.
 */
/** σ' = e/(1 + e)², e = e^{-x}: (1 + e)² stays finite. */
const sigmoidSlopeFast = (x: number): boolean => Math.abs(x) <= 350;
/** tanh' = 4e/(1 + e)², e = e^{-2|x|} (normal down to here). */
const tanhSlopeFast = (x: number): boolean => Math.abs(x) <= 350;

/** σ over arrays: a table kernel for f (sigmoid-table.ts), e/(1 + e)² with an inlined exp for f'. */
export const sigmoidKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !sigmoidTableReady()) scalarInto(xs, out, logistic);
    else sigmoidTableInto(xs, out, logistic);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ok = sigmoidSlopeFast(x);
      rare |= ok ? 0 : 1;
      const e = expFast(ok ? -x : 0);
      const d = 1 + e;
      out[i] = e / (d * d);
    }
    if (rare !== 0) fixUp(xs, out, sigmoidSlopeFast, sigmoidSlope);
    return out;
  },
  scaleByDfFromOutput(ys, g) {
    checkLengths(ys, g);
    for (let i = 0, n = ys.length; i < n; i++) {
      const y = ys[i]!;
      g[i]! *= y * (1 - y);
    }
    return g;
  },
  prepare: prepareSigmoidTable,
};

/** tanh over arrays: a table kernel for f (tanh-table.ts), e/(1 + e)² with an inlined exp for f'. */
export const tanhKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    return tanhTableInto(xs, out);
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ax = Math.abs(x);
      const ok = tanhSlopeFast(x);
      rare |= ok ? 0 : 1;
      const e = expFast(ok ? -2 * ax : 0);
      const d = 1 + e;
      out[i] = (4 * e) / (d * d);
    }
    if (rare !== 0) fixUp(xs, out, tanhSlopeFast, tanhSlope);
    return out;
  },
  scaleByDfFromOutput(ys, g) {
    checkLengths(ys, g);
    for (let i = 0, n = ys.length; i < n; i++) {
      const y = ys[i]!;
      // (1 − y)(1 + y), not 1 − y²: near |y| = 1 the factor 1 ∓ y is exact, so the small result
      // keeps its relative accuracy instead of inheriting y²'s rounding error
      g[i]! *= (1 - y) * (1 + y);
    }
    return g;
  },
};
