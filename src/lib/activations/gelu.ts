/**
 * GELU (exact, x·Φ(x)) and its tanh approximation, PyTorch's `approximate='tanh'`.
 *
 * Both need an exponential of a computed argument in the left tail: -x²/2 for GELU and
 * 2u = 2√(2/π)(x + 0.044715x³) for GELU-tanh. Each is formed in double-double, because
 * exp turns an absolute error in its argument into the same relative error in its result.
 */
import {
  divDD,
  expDDTail,
  expDDUp64,
  HALVING_EXACT_MIN,
  halfRoundUp,
  twoProdErr,
  twoSumErr,
  TWO_POW_M64,
  UP64_BELOW,
} from './double-double.ts';
import { CUBIC_HI, CUBIC_LO, TWO_ROOT_HI, TWO_ROOT_LO } from './kernels/gelu-tanh-table.ts';
import {
  geluSlopeSeries,
  LN_SQRT_2PI_HI,
  LN_SQRT_2PI_LO,
  phiOddSeries,
  TAIL_LIMIT,
  TAYLOR_LIMIT,
  timesMillsG,
} from './special.ts';
import type { ActivationMath } from './types.ts';

/**
 * GELU(x) = x·Φ(x). Left tail: -φ(z)·g(z) with z = -x (see special.ts), so no 1 + erf cancels;
 * right tail: x - φ(x)·g(x). Below -38.6 the value underflows to -0.
 */
export function geluValue(x: number): number {
  const ax = Math.abs(x);
  if (ax < TAYLOR_LIMIT) {
    if (ax < HALVING_EXACT_MIN) return halfRoundUp(x);
    return x * (0.5 + x * phiOddSeries(x * x));
  }
  if (!(ax <= TAIL_LIMIT)) return x < 0 ? -0 : x;
  const z2h = ax * ax;
  const z2l = twoProdErr(ax, ax, z2h);
  const h = -0.5 * z2h;
  const yh = h - LN_SQRT_2PI_HI;
  const yl = twoSumErr(h, -LN_SQRT_2PI_HI, yh) - 0.5 * z2l - LN_SQRT_2PI_LO;
  if (x < 0 && yh < -700) return -timesMillsG(ax, z2h, z2l, expDDUp64(yh, yl), 0) * TWO_POW_M64;
  const e = Math.exp(yh);
  const tail = timesMillsG(ax, z2h, z2l, e, e * yl);
  return x < 0 ? -tail : x - tail;
}

/**
 * GELU'(x) = Φ(x) + x·φ(x). Left tail: Q(z) - z·φ(z), both ~e^{-z²/2}, so it is computed 2^64
 * high where it would be subnormal. Near the minimum of GELU (x ≈ -0.7518) the two terms cancel;
 * the absolute error there stays a few units of 2^-56.
 */
export function geluSlope(x: number): number {
  const ax = Math.abs(x);
  if (ax < TAYLOR_LIMIT) return 0.5 + x * geluSlopeSeries(x * x);
  if (!(ax <= TAIL_LIMIT)) return x > 0 ? 1 : x < 0 ? -0 : x;
  const z2h = ax * ax;
  const z2l = twoProdErr(ax, ax, z2h);
  const h = -0.5 * z2h;
  const yh = h - LN_SQRT_2PI_HI;
  const yl = twoSumErr(h, -LN_SQRT_2PI_HI, yh) - 0.5 * z2l - LN_SQRT_2PI_LO;
  const up = yh < UP64_BELOW;
  const eh = expDDTail(yh, yl);
  const qh = eh / ax;
  const t = qh * ax;
  const q = timesMillsG(ax, z2h, z2l, qh, (eh - t - twoProdErr(qh, ax, t)) / ax);
  // z·φ(z) as a double-double, then one rounding for Q - zφ.
  const ph = ax * eh;
  const pl = twoProdErr(ax, eh, ph);
  if (x > 0) return 1 + (ph - q + pl);
  const s = q - ph;
  const r = s + (twoSumErr(q, -ph, s) - pl);
  return up ? r * TWO_POW_M64 : r;
}

/** 3·0.044715 as a double-double: v' = 2√(2/π)(1 + 0.134145x²). */
const CUBIC3_HI = 0.134145;
const CUBIC3_LO = 1.3526957332032908e-17;
/** Beyond these inputs GELU-tanh equals its limit to double precision (x, and 0 from below). */
const GT_RIGHT = 10;
const GT_LEFT = -30;

/**
 * The high part of v = 2u = 2√(2/π)(x + 0.044715x³); {@link tanhArgLow} gives the low part.
 * Split in two so both kernels stay allocation-free.
 */
function tanhArgHigh(x: number): number {
  return TWO_ROOT_HI * (x + CUBIC_HI * (x * (x * x)));
}

/**
 * The low part of v for {@link tanhArgHigh}: v = vh + vl to about 2^-100 relative. It repeats
 * tanhArgHigh's operations in the same order, so its wh is the same double and the error of
 * vh = fl(2√(2/π)·wh) is captured exactly.
 */
function tanhArgLow(x: number, vh: number): number {
  const x2h = x * x;
  const x2l = twoProdErr(x, x, x2h);
  const x3h = x * x2h;
  const x3l = twoProdErr(x, x2h, x3h) + x * x2l;
  const th = CUBIC_HI * x3h;
  const tl = twoProdErr(CUBIC_HI, x3h, th) + CUBIC_HI * x3l + CUBIC_LO * x3h;
  const wh = x + th;
  const wl = twoSumErr(x, th, wh) + tl;
  return twoProdErr(TWO_ROOT_HI, wh, vh) + TWO_ROOT_HI * wl + TWO_ROOT_LO * wh;
}

/**
 * GELU-tanh(x) = ½x(1 + tanh u) = x·σ(2u). The σ form has no 1 + tanh cancellation in the
 * left tail, where it is x·e^{2u}/(1 + e^{2u}) with 2u in double-double.
 */
export function geluTanhValue(x: number): number {
  if (!(x > GT_LEFT && x < GT_RIGHT)) return x <= GT_LEFT ? -0 : x;
  if (Math.abs(x) < HALVING_EXACT_MIN) return halfRoundUp(x);
  const vh = tanhArgHigh(x);
  const vl = tanhArgLow(x, vh);
  if (x >= 0) {
    const e = Math.exp(-vh);
    const d = 1 + e;
    return divDD(x, 0, d, twoSumErr(1, e, d) - e * vl);
  }
  if (vh < -700) return x * expDDUp64(vh, vl) * TWO_POW_M64;
  const e = Math.exp(vh);
  const el = e * vl;
  const nh = x * e;
  const d = 1 + e;
  return divDD(nh, twoProdErr(x, e, nh) + x * el, d, twoSumErr(1, e, d) + el);
}

/**
 * GELU-tanh'(x) = σ(v) + x·σ(v)·σ(-v)·v', v = 2u, v' = 2√(2/π)(1 + 0.134145x²).
 * With a = e^{-|v|}: (1 + a(1 + x·v'))/(1 + a)² for x ≥ 0 and a(1 + a + x·v')/(1 + a)² for
 * x < 0, which cancels only near the minimum (x ≈ -0.75). Evaluated in double-double: in the
 * left tail x·v' ≈ -0.21x³ and the roundings of v' alone would cost several ULP.
 */
export function geluTanhSlope(x: number): number {
  if (!(x > GT_LEFT && x < GT_RIGHT)) return x <= GT_LEFT ? -0 : x === x ? 1 : x;
  const vh = tanhArgHigh(x);
  const vl = tanhArgLow(x, vh);
  // p = x·v' as hi + lo
  const x2h = x * x;
  const th = CUBIC3_HI * x2h;
  const tl = twoProdErr(CUBIC3_HI, x2h, th) + CUBIC3_HI * twoProdErr(x, x, x2h) + CUBIC3_LO * x2h;
  const uh = 1 + th;
  const ul = twoSumErr(1, th, uh) + tl;
  const dvh = TWO_ROOT_HI * uh;
  const dvl = twoProdErr(TWO_ROOT_HI, uh, dvh) + TWO_ROOT_HI * ul + TWO_ROOT_LO * uh;
  const ph = x * dvh;
  const pl = twoProdErr(x, dvh, ph) + x * dvl;
  const up = x < 0 && vh < -700;
  let ah: number;
  if (up) ah = expDDUp64(vh, vl);
  else ah = x < 0 ? Math.exp(vh) : Math.exp(-vh);
  const al = up ? 0 : x < 0 ? ah * vl : -ah * vl;
  // s = 1 + x·v' (x ≥ 0) or 1 + a + x·v' (x < 0; a is negligible when scaled up)
  const s0 = x < 0 && !up ? 1 + ah : 1;
  const s0l = x < 0 && !up ? twoSumErr(1, ah, s0) + al : 0;
  const sh = s0 + ph;
  const sl = twoSumErr(s0, ph, sh) + s0l + pl;
  let nh = ah * sh;
  let nl = twoProdErr(ah, sh, nh) + ah * sl + al * sh;
  if (x >= 0) {
    const n1 = 1 + nh;
    nl += twoSumErr(1, nh, n1);
    nh = n1;
  }
  if (up) return (nh + nl) * TWO_POW_M64;
  const dh = 1 + ah;
  const dl = twoSumErr(1, ah, dh) + al;
  const d2h = dh * dh;
  return divDD(nh, nl, d2h, twoProdErr(dh, dh, d2h) + 2 * dh * dl);
}

/** GELU, exact form: x·Φ(x) with Φ the standard normal CDF. */
export const gelu: ActivationMath = {
  id: 'gelu',
  name: 'GELU',
  summary:
    'Gaussian error linear unit: x weighted by the probability that a standard normal is below x.',
  params: [],
  f: (x) => geluValue(x),
  df: (x) => geluSlope(x),
  latex: String.raw`x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)`,
  dlatex: String.raw`\Phi(x) + \frac{x}{\sqrt{2\pi}}\,e^{-x^{2}/2}`,
  range: {
    min: -0.16997120747990366,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[-0.16997\ldots, \infty)`,
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

/** GELU with PyTorch's tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export const geluTanh: ActivationMath = {
  id: 'gelu-tanh',
  name: 'GELU (tanh approximation)',
  summary: 'The tanh approximation of GELU used by BERT and GPT-2; within 5e-4 of the exact GELU.',
  params: [],
  f: (x) => geluTanhValue(x),
  df: (x) => geluTanhSlope(x),
  latex: String.raw`\frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)\right)\right)`,
  dlatex: String.raw`\frac{1 + \tanh u}{2} + \frac{x}{2}\bigl(1 - \tanh^{2} u\bigr)\sqrt{2/\pi}\,\bigl(1 + 0.134145\,x^{2}\bigr),\quad u = \sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)`,
  range: {
    min: -0.17004075057125406,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[-0.17004\ldots, \infty)`,
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
