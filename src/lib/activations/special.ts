/**
 * The standard normal density φ and distribution Φ, erf and erfc, in double precision
 * (JavaScript has no erf). Measured against an 80-digit oracle over the whole double range:
 * φ within 1 ULP; Φ, erf and erfc within 2 ULP.
 *
 * Method, and the trap it avoids. Near 0 a Taylor series. Elsewhere Φ(-z) = φ(z)·g(z)/z with
 * g(z) = z·M(z), M the Mills ratio. The textbook route Φ(x) = erfc(-x/√2)/2 rounds x/√2 first,
 * and erfc's tail turns that 2^-53 relative slip into ~z² ULP (hundreds at z = 37). Here the
 * exponent -z²/2 is formed exactly in double-double and g, which barely reacts to a rounding in
 * its argument, is computed separately. g comes from two levels of Laplace's continued fraction
 * M(z) = 1/(z + 1/(z + 2/(z + ...))): g = N/(N + 1) with N = z² + K(z), and only the slowly
 * varying remainder K is approximated, by a rational function. Errors in K are damped by
 * K/(N·(N + 1)) ≤ 0.38 in g, and the last steps run in double-double.
 *
 * K's (9, 9) rational coefficients were fitted offline against a 70-digit Mills ratio (decimal.js:
 * series for z < 9, continued fraction beyond) at 200 Chebyshev nodes of [0.5, 40], by linearised
 * least squares with Loeb and Lawson reweighting (40 rounds), minimising the relative error K
 * causes in g, K·ε/(N·(N + 1)): at most 1.2e-17. The Taylor coefficients are the exact series
 * terms rounded to double; 12 terms leave a truncation error below 1e-19 on their interval.
 * Reproduce the fit with `npx node scripts/erfc-fit/genk.mjs 0.5 40 9` (see its README).
 */
import {
  divDD,
  expDD,
  expDDTail,
  expDDUp64,
  twoProdErr,
  twoSumErr,
  TWO_POW_M64,
  UP64_BELOW,
} from './double-double.ts';

/** ln √(2π) as a double-double. */
export const LN_SQRT_2PI_HI = 0.9189385332046728;
/** Low part of ln √(2π). */
export const LN_SQRT_2PI_LO = -3.8782941580672414e-17;
/** ln √π as a double-double: erfc(t) = exp(-t² - ln √π)·g(t√2)/t. */
const LN_SQRT_PI_HI = 0.5723649429247001;
const LN_SQRT_PI_LO = 5.132975581353913e-18;
/** √2 rounded; only feeds K, which is insensitive to the rounding. */
const SQRT2 = 1.4142135623730951;

/** Below this |x| (for Φ; |t| < TAYLOR_LIMIT/√2 for erf) the Taylor series is used. */
export const TAYLOR_LIMIT = 0.5;
/** Beyond this |z| Φ(-z) and φ(z) underflow to 0 (φ(38.6) is the last subnormal). */
export const TAIL_LIMIT = 40;

/** Φ(x) - 1/2 = x·Σ a_n x^{2n}, a_n = (-1)^n / (√(2π)·2^n·n!·(2n + 1)). */
const PHI_SERIES = [
  0.3989422804014327, -0.06649038006690544, 0.009973557010035817, -0.0011873282154804543,
  0.00011543468761615529, -0.000009444656259503615, 6.659693516316651e-7, -4.122667414862689e-8,
  2.2735298243728065e-9, -1.1301171641619213e-10, 5.1124347902563106e-12, -2.121761474217046e-13,
] as const;

/** d/dx [x·Φ(x)] - 1/2 = x·Σ (2n + 2)·a_n x^{2n}: GELU's slope near 0. */
const GELU_SLOPE_SERIES = [
  0.7978845608028654, -0.26596152026762176, 0.0598413420602149, -0.009498625723843634,
  0.001154346876161553, -0.00011333587511404338, 0.000009323570922843312, -6.596267863780302e-7,
  4.092353683871051e-8, -2.2602343283238428e-9, 1.1247356538563884e-10, -5.09222753812091e-12,
] as const;

/** erf(t) = t·Σ c_n t^{2n}, c_n = 2(-1)^n / (√π·n!·(2n + 1)). */
const ERF_SERIES = [
  1.1283791670955126, -0.37612638903183754, 0.11283791670955126, -0.026866170645131252,
  0.005223977625442188, -0.0008548327023450853, 0.00012055332981789664, -0.00001492565035840625,
  0.0000016462114365889248, -1.6365844691234924e-7, 1.4807192815879218e-8, -1.2290555301717928e-9,
] as const;

/** Numerator of K(z) ≈ P(z)/Q(z), coefficients of z^0..z^9 (positive but for a negligible z^0 term, so Horner does not cancel). */
const K_NUM = [
  -1.7061368390307232e-12, 1.253314137339277, 1.2209833433370674, 0.6240723820757799,
  0.20808833289157216, 0.04866543520049837, 0.008110791118737479, 0.0009400735074558729,
  0.00006971138576975591, 0.0000025783973996412003,
] as const;
/** Denominator of K(z), coefficients of z^0..z^9. */
const K_DEN = [
  1, 1.3166587430574264, 0.8780377403851913, 0.3795082581706856, 0.11579363520765897,
  0.025727283486082605, 0.004159965231191396, 0.0004739042874443049, 0.00003485569379661411,
  0.0000012891986937795787,
] as const;

/** Horner evaluation of Σ c[k]·s^k for a 12-term series (no allocation). */
function series12(c: readonly number[], s: number): number {
  let r = c[11] ?? 0;
  for (let k = 10; k >= 0; k--) r = r * s + (c[k] ?? 0);
  return r;
}

/** (Φ(x) - 1/2)/x as a series in s = x², valid for |x| < {@link TAYLOR_LIMIT}. */
export function phiOddSeries(s: number): number {
  return series12(PHI_SERIES, s);
}

/** (GELU'(x) - 1/2)/x as a series in s = x², valid for |x| < {@link TAYLOR_LIMIT}. */
export function geluSlopeSeries(s: number): number {
  return series12(GELU_SLOPE_SERIES, s);
}

const [n0, n1, n2, n3, n4, n5, n6, n7, n8, n9] = K_NUM;
const [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9] = K_DEN;

/** K(z) = z·M(z)/(1 - z·M(z)) - z², the remainder of the continued fraction, for z in [0.5, 40]. */
function remainderK(z: number): number {
  // Horner, unrolled (the same operations in the same order as a loop from k = 8 down to 0,
  // without per-coefficient array reads)
  const p =
    ((((((((n9 * z + n8) * z + n7) * z + n6) * z + n5) * z + n4) * z + n3) * z + n2) * z + n1) * z +
    n0;
  const q =
    ((((((((d9 * z + d8) * z + d7) * z + d6) * z + d5) * z + d4) * z + d3) * z + d2) * z + d1) * z +
    d0;
  return p / q;
}

/**
 * (eh + el)·g(z), rounded about once, where g(z) = z·M(z) = z·Q(z)/φ(z) ∈ (0.43, 1) and
 * z2h + z2l = z² exactly. For z in [{@link TAYLOR_LIMIT}, {@link TAIL_LIMIT}].
 *
 * With (eh, el) = φ(z) this is z·Q(z) = -GELU(-z); with φ(z)/z it is Q(z) = Φ(-z).
 * g = N/(N + 1), N = z² + K(z), all in double-double, so the only sizeable errors are exp's
 * (inside eh) and K's, which g damps.
 */
export function timesMillsG(z: number, z2h: number, z2l: number, eh: number, el: number): number {
  const k = remainderK(z);
  const nh = z2h + k;
  const nl = twoSumErr(z2h, k, nh) + z2l;
  const dh = nh + 1;
  const dl = twoSumErr(nh, 1, dh) + nl;
  const ph = eh * nh;
  const pl = twoProdErr(eh, nh, ph) + eh * nl + el * nh;
  return divDD(ph, pl, dh, dl);
}

/**
 * Q(z) = Φ(-z) = 1 - Φ(z) for z in [{@link TAYLOR_LIMIT}, {@link TAIL_LIMIT}] from the exponent
 * -(z²/2 + c) given as a double-double (c = ln √(2π) for Φ). Works 2^64 high in the far tail.
 */
function upperTail(
  z: number,
  z2h: number,
  z2l: number,
  yh: number,
  yl: number,
  zk: number,
): number {
  const up = yh < UP64_BELOW;
  const eh = expDDTail(yh, yl);
  // The low part of eh is already folded in above; divide by z in double-double.
  const qh = eh / zk;
  const t = qh * zk;
  const ql = (eh - t - twoProdErr(qh, zk, t)) / zk;
  const r = timesMillsG(z, z2h, z2l, qh, ql);
  return up ? r * TWO_POW_M64 : r;
}

/**
 * The standard normal density φ(x) = exp(-(x²/2 + ln √(2π))), the whole exponent in
 * double-double so the tail keeps its accuracy down to the last subnormal (formed 2^64 high
 * there). Folding 1/√(2π) into the exponent saves a rounding: within 1 ULP everywhere.
 */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= TAIL_LIMIT)) return ax === ax ? 0 : x;
  const z2h = ax * ax;
  const z2l = twoProdErr(ax, ax, z2h);
  const h = -0.5 * z2h;
  const yh = h - LN_SQRT_2PI_HI;
  const yl = twoSumErr(h, -LN_SQRT_2PI_HI, yh) - 0.5 * z2l - LN_SQRT_2PI_LO;
  return yh < -700 ? expDDUp64(yh, yl) * TWO_POW_M64 : expDD(yh, yl);
}

/** The standard normal distribution function Φ(x) = P(Z ≤ x), accurate in both tails. */
export function normalCdf(x: number): number {
  const ax = Math.abs(x);
  if (ax < TAYLOR_LIMIT) return 0.5 + x * phiOddSeries(x * x);
  if (!(ax <= TAIL_LIMIT)) return x > 0 ? 1 : x < 0 ? 0 : x;
  const z2h = ax * ax;
  const z2l = twoProdErr(ax, ax, z2h);
  const h = -0.5 * z2h;
  const yh = h - LN_SQRT_2PI_HI;
  const yl = twoSumErr(h, -LN_SQRT_2PI_HI, yh) - 0.5 * z2l - LN_SQRT_2PI_LO;
  const q = upperTail(ax, z2h, z2l, yh, yl, ax);
  return x < 0 ? q : 1 - q;
}

/** erfc(t) for t ≥ TAYLOR_LIMIT/√2: exp(-t² - ln √π)·g(t√2)/t, with 2t² = z² exact. */
function erfcTail(t: number): number {
  if (!(t <= TAIL_LIMIT / SQRT2)) return t === t ? 0 : t;
  const t2h = t * t;
  const t2l = twoProdErr(t, t, t2h);
  const yh = -t2h - LN_SQRT_PI_HI;
  const yl = twoSumErr(-t2h, -LN_SQRT_PI_HI, yh) - t2l - LN_SQRT_PI_LO;
  return upperTail(t * SQRT2, 2 * t2h, 2 * t2l, yh, yl, t);
}

/** Below this |t| erf uses its Taylor series (TAYLOR_LIMIT/√2). */
const ERF_TAYLOR_LIMIT = TAYLOR_LIMIT / SQRT2;

/** The error function erf(t) = (2/√π)∫₀ᵗ e^{-u²} du. */
export function erf(t: number): number {
  const at = Math.abs(t);
  if (at < ERF_TAYLOR_LIMIT) return t * series12(ERF_SERIES, t * t);
  const r = 1 - erfcTail(at);
  return t < 0 ? -r : r;
}

/** The complementary error function erfc(t) = 1 - erf(t), without cancellation for large t. */
export function erfc(t: number): number {
  if (Math.abs(t) < ERF_TAYLOR_LIMIT) return 1 - t * series12(ERF_SERIES, t * t);
  return t > 0 ? erfcTail(t) : 2 - erfcTail(-t);
}
