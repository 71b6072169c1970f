/**
 * The two classic squashing functions: the logistic sigmoid and tanh.
 *
 * Their textbook derivatives σ(1 - σ) and 1 - tanh² cancel catastrophically once σ or tanh
 * rounds to 1 (x ≈ 37 and x ≈ 19), returning 0 where the true slope is still ~1e-16. Both are
 * written here as e/(1 + e)² with e = exp(-|x|) (or exp(-2|x|)), which is exact in shape for
 * every x and never overflows.
 */
import { divDD, expDDUp64, twoProdErr, twoSumErr, TWO_POW_M64 } from './double-double.ts';
import { logistic } from './shared.ts';
import type { ActivationMath } from './types.ts';

/** σ'(x) = e/(1 + e)², e = exp(-|x|), with (1 + e)² carried exactly in double-double. */
export function sigmoidSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  const dl = twoSumErr(1, e, d);
  const d2 = d * d;
  return divDD(e, 0, d2, twoProdErr(d, d, d2) + 2 * d * dl);
}

/** Above this |x|, tanh(x) rounds to ±1. */
const TANH_SATURATED = 22;
/** Below this |x|, tanh(x) rounds to x (the cubic term is under half an ULP). */
const TANH_LINEAR = 3.725290298461914e-9;

/**
 * tanh(x) = t/(t + 2) with t = expm1(2|x|), the sum t + 2 kept exact. V8's Math.tanh reaches
 * about 2 ULP near |x| = 0.25; this form stays near 1 ULP. Odd symmetry keeps -0 as -0.
 */
export function tanhValue(x: number): number {
  const ax = Math.abs(x);
  if (ax < TANH_LINEAR) return x;
  if (!(ax < TANH_SATURATED)) return x > 0 ? 1 : x < 0 ? -1 : x;
  const t = Math.expm1(2 * ax);
  const d = t + 2;
  const r = divDD(t, 0, d, twoSumErr(t, 2, d));
  return x < 0 ? -r : r;
}

/**
 * tanh'(x) = 4e/(1 + e)² with e = exp(-2|x|), not 1 - tanh²(x), which is 0 from x ≈ 19 on.
 * Past |x| = 350 the value is subnormal, so it is formed 2^64 high and scaled once at the end.
 */
export function tanhSlope(x: number): number {
  const ax = Math.abs(x);
  if (ax > 350) return ax > 400 ? 0 : 4 * expDDUp64(-2 * ax, 0) * TWO_POW_M64;
  const e = Math.exp(-2 * ax);
  const d = 1 + e;
  const dl = twoSumErr(1, e, d);
  const d2 = d * d;
  return divDD(4 * e, 0, d2, twoProdErr(d, d, d2) + 2 * d * dl);
}

/** The logistic sigmoid σ(x) = 1/(1 + e^{-x}). */
export const sigmoid: ActivationMath = {
  id: 'sigmoid',
  name: 'Sigmoid',
  summary: 'The logistic function: squashes any input into (0, 1), saturating on both sides.',
  params: [],
  f: (x) => logistic(x),
  df: (x) => sigmoidSlope(x),
  latex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
  dlatex: String.raw`\sigma(x)\bigl(1 - \sigma(x)\bigr)`,
  range: { min: 0, max: 1, minInclusive: false, maxInclusive: false, latex: '(0, 1)' },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'both',
    smoothness: 'Cinf',
    saturates: 'both',
    kinks: [],
    deadRegion: null,
    dfAtZero: 0.25,
  },
};

/** The hyperbolic tangent, a sigmoid rescaled to (-1, 1): tanh(x) = 2σ(2x) - 1. */
export const tanh: ActivationMath = {
  id: 'tanh',
  name: 'Tanh',
  summary: 'Hyperbolic tangent: a zero-centred sigmoid with outputs in (−1, 1).',
  params: [],
  f: (x) => tanhValue(x),
  df: (x) => tanhSlope(x),
  latex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
  dlatex: String.raw`1 - \tanh^{2}(x)`,
  range: { min: -1, max: 1, minInclusive: false, maxInclusive: false, latex: '(-1, 1)' },
  properties: {
    zeroCentered: true,
    monotonic: true,
    bounded: 'both',
    smoothness: 'Cinf',
    saturates: 'both',
    kinks: [],
    deadRegion: null,
    dfAtZero: 1,
  },
};
