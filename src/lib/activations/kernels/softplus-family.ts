/**
 * The vectorised forms of softplus, SiLU and Mish (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../softplus-family.ts).
 */
import { twoSumErr } from '../double-double.ts';
import { param } from '../shared.ts';
import {
  mishSlope,
  mishValue,
  siluSlope,
  siluValue,
  softplusSlope,
  softplusValue,
} from '../softplus-family.ts';
import type { ActivationKernels } from '../types.ts';
import { expFast } from './fast-exp.ts';
import { checkLengths, fixUp, scalarInto, TABLE_MIN_LENGTH } from './loop.ts';
import { prepareSigmoidTable, sigmoidTableReady, siluTableInto } from './sigmoid-table.ts';
import { prepareSoftplusTable, softplusTableInto, softplusTableReady } from './softplus-table.ts';

/**
 * The vectorised kernels use the inlined {@link expFast} of ±x for |x| up to FAST_LIMIT (SLOPE_LIMIT
 * where (1 + e)² is formed), with no call and no unpredictable branch in the loop; the rare
 * other elements (tails, subnormals, ±Infinity, NaN) are flagged and redone by the scalar kernel.
 * Softplus and SiLU take their values from tables instead (softplus-table.ts, sigmoid-table.ts).
 */
const FAST_LIMIT = 700;
const SLOPE_LIMIT = 350;
const fast = (x: number): boolean => Math.abs(x) <= FAST_LIMIT;
const slopeFast = (x: number): boolean => Math.abs(x) <= SLOPE_LIMIT;
/** Up to this x (from 0) the vectorised Mish' uses its fast form (1 above it, to double precision). */
const MISH_SLOPE_FAST = 150;
const mishSlopeFast = (x: number): boolean => x >= 0 && x <= MISH_SLOPE_FAST;

export const softplusKernels: ActivationKernels = {
  fInto(xs, out, p) {
    checkLengths(xs, out);
    const beta = param(p, 'beta', 1);
    if (xs.length < TABLE_MIN_LENGTH && !softplusTableReady())
      scalarInto(xs, out, (x) => softplusValue(x, beta));
    else softplusTableInto(xs, out, beta, softplusValue);
    return out;
  },
  dfInto(xs, out, p) {
    checkLengths(xs, out);
    const beta = param(p, 'beta', 1);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const y = beta * xs[i]!;
      const ok = fast(y);
      rare |= ok ? 0 : 1;
      out[i] = 1 / (1 + expFast(ok ? -y : 0));
    }
    if (rare !== 0)
      fixUp(
        xs,
        out,
        (x) => fast(beta * x),
        (x) => softplusSlope(x, beta),
      );
    return out;
  },
  prepare: prepareSoftplusTable,
};

export const siluKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    // (for subnormal x the table rounds x/2 to even: at most 1 ULP from siluValue's upward tie)
    if (xs.length < TABLE_MIN_LENGTH && !sigmoidTableReady()) scalarInto(xs, out, siluValue);
    else siluTableInto(xs, out, siluValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ok = slopeFast(x);
      rare |= ok ? 0 : 1;
      // the scalar forms, e = e^{-|x|}: (1 + e(1 + x)) for x ≥ 0 and e(1 + x + e) below (no
      // rounding where 1 + x and e cancel, near the minimum x ≈ -1.2785), over (1 + e)²
      const ax = Math.abs(x);
      const e = expFast(ok ? -ax : 0);
      const d = 1 + e;
      // both numerators, picked by p = [x < 0] in arithmetic (exact: p·A + (1 − p)·B is A or
      // B, both finite here); a branch on the sign mispredicts half the time on a real layer
      const p = Number(x < 0);
      const num = p * (e * (1 + x + e)) + (1 - p) * (1 + e * (1 + x));
      out[i] = num / (d * d);
    }
    if (rare !== 0) fixUp(xs, out, slopeFast, siluSlope);
    return out;
  },
  prepare: prepareSigmoidTable,
};

export const mishKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ok = fast(x);
      rare |= ok ? 0 : 1;
      // x·m/(m + 2), m = E(E + 2), E = e^x (tanh(softplus x) without cancellation); = x above 20
      const e = expFast(ok ? Math.min(x, 20) : 0);
      const a = e + 2;
      const m = e * a + e * twoSumErr(e, 2, a);
      out[i] = x > 20 ? x : (x * m) / (m + 2);
    }
    if (rare !== 0) fixUp(xs, out, fast, mishValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const ok = mishSlopeFast(x);
      rare |= ok ? 0 : 1;
      // mishSlope's x ≥ 0 form: (1 + 2e)/D + 4x·e²(1 + e)/D², D = 1 + 2e(1 + e), e = e^{-x}.
      // For x < 0 its two terms cancel (up to ~6 ULP in plain doubles): mishSlope does those.
      const e = expFast(ok ? -x : 0);
      const d = 1 + 2 * e * (1 + e);
      out[i] = (1 + 2 * e) / d + (4 * x * e * e * (1 + e)) / (d * d);
    }
    if (rare !== 0) fixUp(xs, out, mishSlopeFast, mishSlope);
    return out;
  },
};
