/**
 * Softplus and the self-gated functions built from it or from its derivative σ:
 * SiLU (x·σ(x)) and Mish (x·tanh(softplus(x))).
 *
 * Traps: log(1 + e^x) overflows at x = 710 and loses everything below x = -37 (1 + e^x rounds
 * to 1); x·σ(x) at x = -∞ is -∞·0 = NaN; and in the far left tail e^x is subnormal, where the
 * factor x ≈ -740 would multiply its rounding error by 740. Each kernel therefore branches on
 * the sign, keeps denominators in double-double, and forms the far tail 2^64 high.
 */
import {
  divDD,
  expDDUp64,
  HALVING_EXACT_MIN,
  halfRoundUp,
  twoProdErr,
  twoSumErr,
  TWO_POW_M64,
} from './double-double.ts';
import { logistic, param } from './shared.ts';
import type { ActivationMath, ParamSpec } from './types.ts';

/** Below this x, e^x is close to the subnormal range and tails are formed 2^64 high. */
const FAR_LEFT = -700;
/** Below this x, x·e^x underflows to -0. */
const UNDERFLOW = -800;

/**
 * softplus(x) = (1/β)·log(1 + e^{βx}) = (1/β)·(max(βx, 0) + log1p(e^{-|βx|})), computed exactly
 * for every x (PyTorch switches to the identity above βx = 20, an approximation not used here).
 */
export function softplusValue(x: number, beta: number): number {
  const y = beta * x;
  const r = Math.log1p(Math.exp(-Math.abs(y)));
  return (y > 0 ? y + r : r) / beta;
}

/** softplus'(x) = σ(βx). */
export function softplusSlope(x: number, beta: number): number {
  return logistic(beta * x);
}

/** SiLU(x) = x·σ(x) = x/(1 + e^{-x}) for x ≥ 0 and x·e^x/(1 + e^x) below, with exact denominators. */
export function siluValue(x: number): number {
  if (x >= 0) {
    if (x > 40) return x;
    if (x < HALVING_EXACT_MIN) return halfRoundUp(x);
    const e = Math.exp(-x);
    const d = 1 + e;
    return divDD(x, 0, d, twoSumErr(1, e, d));
  }
  if (x > -HALVING_EXACT_MIN) return halfRoundUp(x);
  if (x < FAR_LEFT) return x < UNDERFLOW ? -0 : x * expDDUp64(x, 0) * TWO_POW_M64;
  const e = Math.exp(x);
  const n = x * e;
  const d = 1 + e;
  return divDD(n, twoProdErr(x, e, n), d, twoSumErr(1, e, d));
}

/**
 * SiLU'(x) = σ(x)(1 + x·σ(-x)): (1 + e(1 + x))/(1 + e)² with e = e^{-x} for x ≥ 0, and
 * e(1 + x + e)/(1 + e)² with e = e^x below. Cancels only near the minimum of SiLU, x ≈ -1.2785.
 */
export function siluSlope(x: number): number {
  if (x >= 0) {
    if (x > 50) return 1;
    const e = Math.exp(-x);
    const d = 1 + e;
    const dl = twoSumErr(1, e, d);
    const d2 = d * d;
    return divDD(1 + e * (1 + x), 0, d2, twoProdErr(d, d, d2) + 2 * d * dl);
  }
  if (x < FAR_LEFT) return x < UNDERFLOW ? -0 : expDDUp64(x, 0) * (1 + x) * TWO_POW_M64;
  const e = Math.exp(x);
  const d = 1 + e;
  const dl = twoSumErr(1, e, d);
  const d2 = d * d;
  return divDD(e * (1 + x + e), 0, d2, twoProdErr(d, d, d2) + 2 * d * dl);
}

/** Mish'(0) = tanh(ln 2) = 3/5; also the slope of Mish for tiny |x|. */
const MISH_SLOPE_AT_ZERO = 0.6;
/** Below this |x|, Mish(x) rounds to 0.6x (the quadratic term is under a quarter ULP). */
const MISH_LINEAR = 1e-17;

/**
 * Mish(x) = x·tanh(softplus(x)). With E = e^x ≤ 1 and n = E(E + 2):
 * tanh(softplus(x)) = n/(n + 2), no cancellation. For x > 0, with e = e^{-x}:
 * (1 + 2e)/(1 + 2e + 2e²), close to 1 without computing 1 - small.
 */
export function mishValue(x: number): number {
  if (Math.abs(x) < MISH_LINEAR) return x * MISH_SLOPE_AT_ZERO;
  if (x >= 0) {
    if (x > 20) return x;
    const e = Math.exp(-x);
    const e2 = 2 * e;
    const ah = 1 + e2;
    const al = twoSumErr(1, e2, ah);
    const bh = e2 * e;
    const dh = ah + bh;
    const dl = twoSumErr(ah, bh, dh) + al + twoProdErr(e2, e, bh);
    const nh = x * ah;
    return divDD(nh, twoProdErr(x, ah, nh) + x * al, dh, dl);
  }
  if (x < FAR_LEFT) return x < UNDERFLOW ? -0 : x * expDDUp64(x, 0) * TWO_POW_M64;
  const e = Math.exp(x);
  const ah = e + 2;
  const al = twoSumErr(e, 2, ah);
  const nh = e * ah;
  const nl = twoProdErr(e, ah, nh) + e * al;
  const dh = nh + 2;
  const dl = twoSumErr(nh, 2, dh) + nl;
  const xh = x * nh;
  return divDD(xh, twoProdErr(x, nh, xh) + x * nl, dh, dl);
}

/**
 * Mish'(x) = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x). sech² is never formed as
 * 1 - tanh² (0 from x ≈ 19 on): with E = e^x and D = E² + 2E + 2 the whole derivative is
 * E((E + 2)D + 4x(1 + E))/D², and for x > 0, with e = e^{-x} and D = 1 + 2e + 2e²,
 * (1 + 2e)/D + 4x·e²(1 + e)/D². The x < 0 form runs in double-double: its two terms have
 * opposite signs and a dozen roundings would otherwise add up to ~6 ULP.
 */
export function mishSlope(x: number): number {
  if (x >= 0) {
    if (x > 40) return 1;
    const e = Math.exp(-x);
    const d = 1 + 2 * e * (1 + e);
    return (1 + 2 * e) / d + (4 * x * e * e * (1 + e)) / (d * d);
  }
  if (x < FAR_LEFT) return x < UNDERFLOW ? -0 : expDDUp64(x, 0) * (1 + x) * TWO_POW_M64;
  const e = Math.exp(x);
  // a = E + 2, D = E·a + 2, S = a·D + 4x(1 + E): each as hi + lo
  const ah = e + 2;
  const al = twoSumErr(e, 2, ah);
  const nh = e * ah;
  const dh = nh + 2;
  const dl = twoSumErr(nh, 2, dh) + twoProdErr(e, ah, nh) + e * al;
  const th = ah * dh;
  const tl = twoProdErr(ah, dh, th) + ah * dl + al * dh;
  const bh = 1 + e;
  const x4 = 4 * x;
  const uh = x4 * bh;
  const ul = twoProdErr(x4, bh, uh) + x4 * twoSumErr(1, e, bh);
  const sh = th + uh;
  const sl = twoSumErr(th, uh, sh) + tl + ul;
  const numh = e * sh;
  const d2h = dh * dh;
  return divDD(numh, twoProdErr(e, sh, numh) + e * sl, d2h, twoProdErr(dh, dh, d2h) + 2 * dh * dl);
}

/** Softplus's sharpness β; as β grows softplus approaches ReLU. */
const BETA: ParamSpec = {
  name: 'beta',
  label: 'sharpness',
  symbol: String.raw`\beta`,
  default: 1,
  min: 0.1,
  max: 10,
  step: 0.1,
};

/** Softplus, the smooth ReLU; its derivative is the sigmoid. */
export const softplus: ActivationMath = {
  id: 'softplus',
  name: 'Softplus',
  summary: 'A smooth ReLU, log(1 + e^x); its derivative is the sigmoid.',
  params: [BETA],
  f: (x, p) => softplusValue(x, param(p, 'beta', 1)),
  df: (x, p) => softplusSlope(x, param(p, 'beta', 1)),
  latex: String.raw`\frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)`,
  dlatex: String.raw`\sigma(\beta x) = \frac{1}{1 + e^{-\beta x}}`,
  range: {
    min: 0,
    max: Infinity,
    minInclusive: false,
    maxInclusive: false,
    latex: String.raw`(0, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'below',
    smoothness: 'Cinf',
    saturates: 'left',
    kinks: [],
    deadRegion: null,
    dfAtZero: 0.5,
  },
};

/** SiLU, also called swish (with β = 1): the input gated by its own sigmoid. */
export const silu: ActivationMath = {
  id: 'silu',
  name: 'SiLU (Swish)',
  summary: 'Sigmoid linear unit, x·σ(x): a smooth, slightly non-monotonic ReLU.',
  params: [],
  f: (x) => siluValue(x),
  df: (x) => siluSlope(x),
  latex: String.raw`x\,\sigma(x) = \frac{x}{1 + e^{-x}}`,
  dlatex: String.raw`\sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)`,
  range: {
    min: -0.2784645427610738,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[-0.27846\ldots, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: false,
    bounded: 'below',
    smoothness: 'Cinf',
    saturates: 'left',
    kinks: [],
    deadRegion: null,
    dfAtZero: 0.5,
  },
};

/** Mish (Misra, 2019): the input gated by tanh of its softplus. */
export const mish: ActivationMath = {
  id: 'mish',
  name: 'Mish',
  summary: 'x·tanh(softplus(x)): a smooth, non-monotonic gate close to SiLU.',
  params: [],
  f: (x) => mishValue(x),
  df: (x) => mishSlope(x),
  latex: String.raw`x \tanh\bigl(\ln(1 + e^{x})\bigr)`,
  dlatex: String.raw`\tanh\bigl(s(x)\bigr) + x\,\operatorname{sech}^{2}\bigl(s(x)\bigr)\,\sigma(x),\quad s(x) = \ln(1 + e^{x})`,
  range: {
    min: -0.30884341301725043,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[-0.30884\ldots, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: false,
    bounded: 'below',
    smoothness: 'Cinf',
    saturates: 'left',
    kinks: [],
    deadRegion: null,
    dfAtZero: MISH_SLOPE_AT_ZERO,
  },
};
