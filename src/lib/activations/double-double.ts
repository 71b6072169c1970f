/**
 * Double-double helpers: error-free transformations and exp of a two-part argument.
 *
 * Why they exist: the relative error of exp(y) equals the absolute error of y. For an input x
 * the argument is exact, but GELU's -x²/2 or GELU-tanh's 2u(x) are computed, and a 1-ULP slip
 * in y ≈ -700 costs ~700 ULP in the result. Carrying y as hi + lo (about 106 bits) removes that.
 *
 * Every function returns one number and allocates nothing, so the callers stay usable in tight
 * loops over Float64Array. Pairs are passed as two arguments (hi, lo) and rebuilt inline.
 */

/** 2^27 + 1: Veltkamp's constant, splitting a double into two 26-bit halves. */
const SPLITTER = 134217729;

/**
 * The rounding error of `s = a + b` (Knuth's TwoSum): returns the exact `(a + b) - s`.
 * Pass the already rounded sum `s`. Exact for finite inputs without overflow.
 */
export function twoSumErr(a: number, b: number, s: number): number {
  const bv = s - a;
  return a - (s - bv) + (b - bv);
}

/**
 * The rounding error of `p = a * b` (Dekker's TwoProduct with Veltkamp splitting): returns the
 * exact `a * b - p`. Exact while |a|, |b| < 2^995 and nothing underflows, which holds for the
 * bounded arguments the kernels pass (they branch to limits first). JavaScript has no fma.
 */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * (nh + nl) / (dh + dl) rounded about once: the quotient of two double-doubles, with the first
 * quotient's rounding error recovered exactly so that only the last addition rounds.
 * Cheaper than a full double-double division because the result is a plain double.
 */
export function divDD(nh: number, nl: number, dh: number, dl: number): number {
  const r = nh / dh;
  const t = r * dh;
  const rem = nh - t - twoProdErr(r, dh, t) + nl - r * dl;
  return r + rem / dh;
}

/**
 * exp(hi + lo) for a double-double argument (|lo| ≤ ulp(hi)): Math.exp(hi)·(1 + lo) with one
 * final rounding. V8's Math.exp is fdlibm's and stays within 1 ULP; this adds 0.5 ULP at most.
 */
export function expDD(hi: number, lo: number): number {
  const e = Math.exp(hi);
  return e + e * lo;
}

/** 64·ln 2 as a double-double, the shift used by {@link expDDUp64}. */
const LN2_X64_HI = 44.3614195558365;
const LN2_X64_LO = 1.4841899608616317e-15;

/** 2^-64, exact: the factor that undoes {@link expDDUp64}. */
export const TWO_POW_M64 = 5.421010862427522e-20;

/**
 * exp(hi + lo)·2^64, for a left tail whose result would be subnormal.
 *
 * Why: a subnormal e^y carries an absolute error of up to 2^-1074; if a kernel then multiplies it
 * by x ≈ -740 (SiLU) the error grows to hundreds of subnormal ULPs. Working 2^64 higher keeps every
 * intermediate normal; the caller multiplies its final result by {@link TWO_POW_M64}, so the only
 * rounding in the subnormal range is the last one. Intended for hi in about [-800, -600].
 */
export function expDDUp64(hi: number, lo: number): number {
  const s = hi + LN2_X64_HI;
  const e = Math.exp(s);
  return e + e * (twoSumErr(hi, LN2_X64_HI, s) + lo + LN2_X64_LO);
}

/**
 * x/2 for a subnormal (or zero) x, breaking a tie upward. For f(x) = x/2 + c·x² with c > 0
 * (SiLU, GELU, GELU-tanh, hard-swish) the exact value lies just above the tie, so the correctly
 * rounded result is the upper neighbour, while plain `x * 0.5` would round to even. Only valid
 * for |x| < 2^-1021, where x² is far below the subnormal ULP.
 */
export function halfRoundUp(x: number): number {
  const h = x * 0.5;
  if (h * 2 === x) return h;
  const r = (x + 5e-324) * 0.5;
  return r === 0 ? -0 : r;
}

/** 2^-1021: below it, halving a double can round (see {@link halfRoundUp}). */
export const HALVING_EXACT_MIN = 4.450147717014403e-308;

/** Below this exponent {@link expDDTail} works 2^64 high (see {@link expDDUp64}). */
export const UP64_BELOW = -700;

/**
 * e^(hi + lo) for the tail code: {@link expDD} normally, {@link expDDUp64} (2^64 high) when
 * hi < {@link UP64_BELOW}. Callers that take the scaled branch multiply their final result by
 * {@link TWO_POW_M64}.
 */
export function expDDTail(hi: number, lo: number): number {
  return hi < UP64_BELOW ? expDDUp64(hi, lo) : expDD(hi, lo);
}

/*
 * Pair arithmetic for building the kernels' tables (tanh-table.ts, softplus-table.ts,
 * gelu-table.ts, gelu-tanh-table.ts): the result goes into `out` as [hi, lo]. Not for the
 * kernels' loops, which inline their own.
 */

/** Double-double product (ah + al)(bh + bl), normalised, into `out`. */
export function mulDD(ah: number, al: number, bh: number, bl: number, out: number[]): void {
  const p = ah * bh;
  const e = twoProdErr(ah, bh, p) + ah * bl + al * bh;
  out[0] = p + e;
  out[1] = e - (out[0] - p);
}

/** Double-double (h, l) + c for a double c, normalised, into `out`. */
export function addDD(h: number, l: number, c: number, out: number[]): void {
  const s = h + c;
  const e = twoSumErr(h, c, s) + l;
  out[0] = s + e;
  out[1] = e - (out[0] - s);
}

/** Double-double (nh + nl)/(dh + dl), normalised, into `out` (remainder recovered exactly). */
export function quotientDD(nh: number, nl: number, dh: number, dl: number, out: number[]): void {
  const q = nh / dh;
  const t = q * dh;
  const c = (nh - t - twoProdErr(q, dh, t) + nl - q * dl) / dh;
  out[0] = q + c;
  out[1] = c - (out[0] - q);
}

/** Double-double (ah + al) + (bh + bl), normalised, into `out`. */
export function sumDD(ah: number, al: number, bh: number, bl: number, out: number[]): void {
  const s = ah + bh;
  const e = twoSumErr(ah, bh, s) + al + bl;
  out[0] = s + e;
  out[1] = e - (out[0] - s);
}

/**
 * e^(xh + xl) for |xh| ≤ 1/16 in double-double, by its Taylor series (24 terms: the last is below
 * 2^-150 of the sum), into `out`. The tables' step factors: e^{1/32}, e^{-A/64}, …
 */
export function expSmallDD(xh: number, xl: number, out: number[]): void {
  const sum = [1, 0];
  const term = [1, 0];
  for (let k = 1; k < 24; k++) {
    mulDD(term[0]!, term[1]!, xh, 0, term);
    quotientDD(term[0]!, term[1]!, k, 0, term);
    addDD(sum[0]!, sum[1]!, term[0]!, sum);
    sum[1]! += term[1]!;
  }
  // e^{xl} = 1 + xl to double-double accuracy (|xl| < 2^-50)
  mulDD(sum[0]!, sum[1]!, 1, xl, out);
}
