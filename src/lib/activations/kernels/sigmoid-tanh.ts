/**
 * The vectorised forms of sigmoid and tanh (the mathematics, and the scalar functions the
 * fix-up passes fall back on, are in ../sigmoid-tanh.ts).
 */
import { logistic } from '../shared.ts';
import { sigmoidSlope, tanhSlope } from '../sigmoid-tanh.ts';
import type { ActivationKernels } from '../types.ts';
import { expFast, expFastLite } from './fast-exp.ts';
import { checkLengths, fixUp } from './loop.ts';
import { tanhTableInto } from './tanh-table.ts';

/*
 * The vectorised kernels (fInto / dfInto) use the inlined {@link expFast} (tanh's fInto, its
 * table: see tanh-table.ts) for |x| up to these limits, with no call and no unpredictable branch in the loop. Anything
 * else (tails, ±Infinity, NaN) is rare: the loop flags it and {@link fixUp} recomputes those
 * elements with the scalar kernel afterwards.
 */
/** σ = 1/(1 + e^{-x}) directly: e^{-x} ≤ e^700 cannot overflow. */
const sigmoidFast = (x: number): boolean => Math.abs(x) <= 700;
/** σ' = e/(1 + e)², e = e^{-x}: (1 + e)² stays finite. */
const sigmoidSlopeFast = (x: number): boolean => Math.abs(x) <= 350;
/** tanh' = 4e/(1 + e)², e = e^{-2|x|} (normal down to here). */
const tanhSlopeFast = (x: number): boolean => Math.abs(x) <= 350;

/** σ over arrays: an inlined exp, 1/(1 + e) directly. */
export const sigmoidKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ok = sigmoidFast(x);
      rare |= ok ? 0 : 1;
      out[i] = 1 / (1 + expFastLite(ok ? -x : 0));
    }
    if (rare !== 0) fixUp(xs, out, sigmoidFast, logistic);
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
