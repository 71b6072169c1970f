/**
 * The vectorised forms of ReLU, Leaky ReLU and PReLU (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../relu-family.ts).
 */
import { leakySlope, leakyValue, reluValue } from '../relu-family.ts';
import { param } from '../shared.ts';
import type { ActivationKernels, Params, ParamSpec } from '../types.ts';
import { checkLengths, fixUpRange } from './loop.ts';

/** 2^1023: from here x + |x| overflows. */
const HUGE = 8.98846567431158e307;
/** Where ReLU's vectorised (x + |x|)/2 is exact: |x| < 2^1023 (NaN fails it and is redone). */
const reluHalvesExactly = (x: number): boolean => Math.abs(x) < HUGE;

export const reluKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    const n = xs.length;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const a = Math.abs(x);
      // max(x, 0) without a branch on the sign, which a real layer's values make unpredictable:
      // (x + |x|)/2 is exact (−0 gives +0, NaN stays NaN) except where x + |x| overflows or is
      // −∞ + ∞; those rare |x| ≥ 2^1023 take a branch that is almost never taken
      // (only the last is recorded: tracking the first too measured 0.6 ns per element slower)
      if (!(a < HUGE)) last = i;
      out[i] = (x + a) * 0.5;
    }
    fixUpRange(xs, out, 0, last, reluHalvesExactly, reluValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0, n = xs.length; i < n; i++) {
      const x = xs[i]!;
      // [x > 0] as a number, which V8 forms without a branch (one on the sign would mispredict
      // half the time on a real layer's values); NaN takes a branch that is almost never taken
      out[i] = x === x ? Number(x > 0) : x;
    }
    return out;
  },
  scaleByDfFromOutput(ys, g) {
    checkLengths(ys, g);
    // y > 0 exactly when x > 0, and a NaN input gives a NaN output: the same f' as dfInto
    for (let i = 0, n = ys.length; i < n; i++) {
      const y = ys[i]!;
      g[i]! *= y === y ? Number(y > 0) : y;
    }
    return g;
  },
};

/** Leaky ReLU and PReLU over arrays, for the slope parameter `spec` (its name and default). */
export function slopedReluKernels(spec: ParamSpec): ActivationKernels {
  const slopeOf = (p: Params | undefined): number => param(p, spec.name, spec.default);
  return {
    fInto(xs, out, p) {
      checkLengths(xs, out);
      const slope = slopeOf(p);
      for (let i = 0, n = xs.length; i < n; i++) out[i] = leakyValue(xs[i]!, slope);
      return out;
    },
    dfInto(xs, out, p) {
      checkLengths(xs, out);
      const slope = slopeOf(p);
      for (let i = 0, n = xs.length; i < n; i++) out[i] = leakySlope(xs[i]!, slope);
      return out;
    },
  };
}
