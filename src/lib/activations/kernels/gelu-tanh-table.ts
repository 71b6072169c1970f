/**
 * The vectorised GELU-tanh by table, the same scheme as gelu-table.ts.
 *
 * GELU-tanh(x) = x·σ(v(x)), v(x) = A·x + B·x³ (A = 2√(2/π), B = 0.044715·A). With t = |x| and
 * G(t) = t·σ(−v(t)), GELU-tanh(x) = max(x, 0) − G(t) for either sign (v is odd). On a grid
 * c = k/128, t = c + b (|b| ≤ 1/256):
 *   G(c + b) = e^{−b·(A + 3B·c·t)} · H_k(b),   H_k(b) = (c + b)·W·e^{−B·b³}/(1 + W·e^{−Δ(b)}),
 * with W = e^{−v(c)} and Δ(b) = v(c + b) − v(c) = b·(A + 3B·c·t) + B·b³. The exp carries the
 * tail's decay (its argument is at most 0.35 up to t = 20, inside expNear0's range), and costs
 * four operations in the loop; its roundings stay under an ULP. That leaves H_k smooth, with
 * singularities |Δ| ≥ π away: a degree-6 Taylor polynomial on this grid is within 2^-55 (the
 * 1/64 grid needed degree 7 near t = 0, measured a load slower). Within 2 ULP in the tests.
 *
 * The table is built on first use: W by running double-double products (v(c_{k+1}) − v(c_k) is a
 * quadratic in k), H's Taylor coefficients from the power series of e^{−Δ} and of 1/(1 + W·e^{−Δ}).
 */
import { addDD, expSmallDD, mulDD, quotientDD, sumDD, twoProdErr } from '../double-double.ts';
import { expNear0, prepareExpNear0 } from './fast-exp.ts';
import { fixUpRange } from './loop.ts';

/** 0.044715 as a double-double (the decimal constant of Hendrycks and Gimpel). */
export const CUBIC_HI = 0.044715;
export const CUBIC_LO = 2.1960211427085595e-18;
/** 2√(2/π) as a double-double: the argument of σ is 2u = v. */
export const TWO_ROOT_HI = 1.5957691216057308;
export const TWO_ROOT_LO = -9.96930880911092e-17;
/** 2√(2/π)·0.044715 as a double-double: v = x·(TWO_ROOT + B·x²). */
export const B_HI = TWO_ROOT_HI * CUBIC_HI;
export const B_LO =
  twoProdErr(TWO_ROOT_HI, CUBIC_HI, B_HI) + TWO_ROOT_HI * CUBIC_LO + TWO_ROOT_LO * CUBIC_HI;

/** Grid points per unit of t. */
const STEPS = 128;
/** Largest t in the table: beyond it GELU-tanh is x (right) or underflows (left). */
export const GELU_TANH_TABLE_MAX = 20;
const LAST_ROW = GELU_TANH_TABLE_MAX * STEPS;
/** Degree of H_k. */
const DEGREE = 6;
/** Doubles per row: H_k's coefficients h0..h6. */
const WIDTH = DEGREE + 1;
/** 3B, for the exponent b·(A + 3B·c·t) in the loop. */
const B3 = 3 * B_HI;
/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer. */
const SHIFTER = 6755399441055744;

/** Rows of {@link WIDTH}; empty until first use. A packed array of doubles. */
const TABLE: number[] = [];
/** GELU-tanh''s rows (see {@link geluTanhSlopeTableInto}), built in the same pass. */
const SLOPE_TABLE: number[] = [];
/** Terms of the series behind a row: H's degree plus one, for its derivative. */
const SERIES = DEGREE + 1;

/** Taylor coefficients of e^{−p(b)} for a cubic p (p[0] = 0) into out[0..DEGREE]. */
function seriesExp(p: readonly number[], out: number[]): void {
  // (j + 1)·out_{j+1} = −Σ_i (i + 1)·p_{i+1}·out_{j−i}
  out[0] = 1;
  for (let j = 0; j < SERIES; j++) {
    let acc = 0;
    for (let i = 0; i <= Math.min(j, 2); i++) acc += (i + 1) * p[i + 1]! * out[j - i]!;
    out[j + 1] = -acc / (j + 1);
  }
}

/**
 * G'(c) = σ(−v)·(1 − c·v'(c)·σ(v)) in double-double into out, from W = e^{−v(c)} and 1 + W (both
 * double-double); v'(c) = A + 3B·c². The bracket is where the cancellation is, so every factor
 * in it keeps its low part.
 */
function slopeAtGrid(c: number, w: readonly number[], den: readonly number[], out: number[]): void {
  const sigPos = [0, 0];
  const t = [0, 0];
  quotientDD(1, 0, den[0]!, den[1]!, sigPos);
  // 3c² is exact: c = k/128 with k ≤ 2560
  mulDD(B_HI, B_LO, 3 * c * c, 0, t);
  sumDD(t[0]!, t[1]!, TWO_ROOT_HI, TWO_ROOT_LO, t);
  mulDD(t[0]!, t[1]!, c, 0, t);
  mulDD(t[0]!, t[1]!, sigPos[0]!, sigPos[1]!, t);
  addDD(-t[0]!, -t[1]!, 1, t);
  quotientDD(w[0]!, w[1]!, den[0]!, den[1]!, out);
  mulDD(out[0]!, out[1]!, t[0]!, t[1]!, out);
}

function buildTable(): void {
  const g3 = STEPS * STEPS * STEPS;
  // W_{k+1} = W_k·e^{−A/h}·q_k, q_k = e^{−B(3k² + 3k + 1)/h³}, q_{k+1} = q_k·s^{k+1}, s = e^{−6B/h³}
  // (h = STEPS)
  const stepA = [0, 0];
  const q = [0, 0];
  const s = [0, 0];
  const sPow = [0, 0];
  expSmallDD(-TWO_ROOT_HI / STEPS, -TWO_ROOT_LO / STEPS, stepA);
  expSmallDD(-B_HI / g3, -B_LO / g3, q);
  const sixB = [0, 0];
  mulDD(B_HI, B_LO, -6 / g3, 0, sixB);
  expSmallDD(sixB[0]!, sixB[1]!, s);
  sPow[0] = s[0]!;
  sPow[1] = s[1]!;
  const w = [1, 0];
  const den = [0, 0];
  const sig = [0, 0];
  const u: number[] = [];
  const er: number[] = [];
  const d: number[] = [];
  const inv: number[] = [];
  const h: number[] = [];
  const sp = [0, 0];
  for (let k = 0; k <= LAST_ROW; k++) {
    const c = k / STEPS;
    const wh = w[0]!;
    // h0 = c·W/(1 + W) in double-double, then rounded
    addDD(w[0]!, w[1]!, 1, den);
    quotientDD(w[0]!, w[1]!, den[0]!, den[1]!, sig);
    mulDD(sig[0]!, sig[1]!, c, 0, sig);
    h[0] = sig[0]! + sig[1]!;
    // Δ(b) = v'(c)·b + 3B·c·b² + B·b³; the loop's exp takes all but B·b³
    seriesExp([0, TWO_ROOT_HI + 3 * B_HI * c * c, 3 * B_HI * c, B_HI], u);
    seriesExp([0, 0, 0, B_HI], er);
    // 1/(1 + W·u) as a series: d_0 = 1 + W, d_j = W·u_j
    d[0] = 1 + wh;
    for (let j = 1; j <= SERIES; j++) d[j] = wh * u[j]!;
    inv[0] = 1 / d[0]!;
    for (let j = 1; j <= SERIES; j++) {
      let acc = 0;
      for (let i = 1; i <= j; i++) acc += d[i]! * inv[j - i]!;
      inv[j] = -acc / d[0]!;
    }
    // H = (c + b)·W·e^{−B·b³}·inv: h0 is the double-double value above
    for (let j = 1; j <= SERIES; j++) {
      let acc = 0;
      for (let i = 0; i <= j; i++)
        acc += er[i]! * (c * inv[j - i]! + (j - i > 0 ? inv[j - i - 1]! : 0));
      h[j] = wh * acc;
    }
    for (let j = 0; j <= DEGREE; j++) TABLE.push(h[j]!);
    // G' = e^{−E}·(H' − E'·H) with E(b) = b·(A + 3B·c·(c + b)): E' = α + 2β·b, α = A + 3B·c², β = 3B·c
    const alpha = TWO_ROOT_HI + B3 * c * c;
    const beta = B3 * c;
    // s0 = G'(c) itself, in double-double: near GELU-tanh''s zero (x ≈ −0.75) h1 and α·h0 agree to
    // within a tenth, so their rounded difference put f' 10 to 30 ULP off there (|f'| up to 0.035).
    slopeAtGrid(c, w, den, sp);
    SLOPE_TABLE.push(sp[0]! + sp[1]!);
    for (let j = 1; j <= DEGREE; j++)
      SLOPE_TABLE.push((j + 1) * h[j + 1]! - alpha * h[j]! - 2 * beta * h[j - 1]!);
    // next W
    mulDD(w[0]!, w[1]!, stepA[0]!, stepA[1]!, w);
    mulDD(w[0]!, w[1]!, q[0]!, q[1]!, w);
    mulDD(q[0]!, q[1]!, sPow[0]!, sPow[1]!, q);
    mulDD(sPow[0]!, sPow[1]!, s[0]!, s[1]!, sPow);
  }
}

/** Whether the table is built (the vectorised forms then use it at any length). */
export function geluTanhTableReady(): boolean {
  return TABLE.length > 0;
}

/** Builds the table now (once). */
export function prepareGeluTanhTable(): void {
  ensureTable();
}

function ensureTable(): void {
  prepareExpNear0();
  if (TABLE.length === 0) buildTable();
}

/**
 * Below this |x| the scalar kernel takes over (it keeps the sign of ±0 and rounds subnormal
 * halves its own way). A power of two, so that MID and HALF are exact.
 */
const TABLE_MIN = 2 ** -30;
const MID = (TABLE_MIN + GELU_TANH_TABLE_MAX) / 2;
const HALF = (GELU_TANH_TABLE_MAX - TABLE_MIN) / 2;

/** What {@link geluTanhTableInto} computes itself: TABLE_MIN ≤ |x| ≤ 20 (NaN fails). */
export function geluTanhInTable(x: number): boolean {
  return Math.abs(Math.abs(x) - MID) <= HALF;
}

/**
 * Writes GELU-tanh(xs[i]) into out[i] for every i and returns out: the table where
 * {@link geluTanhInTable} holds, `scalar` for the rest (recorded as a first..last range).
 */
export function geluTanhTableInto(
  xs: Float64Array,
  out: Float64Array,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let first = n;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const t = Math.abs(x);
    let u = t;
    if (!(Math.abs(t - MID) <= HALF)) {
      if (first === n) first = i;
      last = i;
      u = 0;
    }
    const k = u * STEPS + SHIFTER - SHIFTER;
    const c = k * (1 / STEPS);
    const b = u - c;
    // masked so the compiler knows the index range (no overflow checks on the offsets)
    const row = ((k | 0) & 4095) * WIDTH;
    const e = expNear0(-(b * (TWO_ROOT_HI + B3 * (c * u))));
    const b2 = b * b;
    const h =
      TABLE[row]! +
      b *
        (TABLE[row + 1]! +
          b * TABLE[row + 2]! +
          b2 * (TABLE[row + 3]! + b * TABLE[row + 4]!) +
          b2 * b2 * (TABLE[row + 5]! + b * TABLE[row + 6]!));
    // max(x, 0) without a branch: exact for |x| ≤ 20
    out[i] = (x + t) * 0.5 - e * h;
  }
  fixUpRange(xs, out, first, last, geluTanhInTable, scalar);
  return out;
}

/**
 * Writes GELU-tanh'(xs[i]) into out[i] for every i and returns out. GELU-tanh(x) is
 * max(x, 0) − G(t), so its derivative is G'(t) for x < 0 and 1 − G'(t) for x > 0, with
 * G'(c + b) = e^{−b(A + 3B·c·t)}·S_k(b) and S_k = H_k' − (α + 2β·b)·H_k from the value's series
 * (one degree more, for the derivative). The sign picks G' or 1 − G' by arithmetic, not a branch;
 * `scalar` handles the elements outside the table's window.
 * Its loop repeats the value's on purpose: one loop for both, taking the table and a flag,
 * measured 1.5 ns per element slower.
 */
export function geluTanhSlopeTableInto(
  xs: Float64Array,
  out: Float64Array,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let first = n;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const t = Math.abs(x);
    let u = t;
    if (!(Math.abs(t - MID) <= HALF)) {
      if (first === n) first = i;
      last = i;
      u = 0;
    }
    const k = u * STEPS + SHIFTER - SHIFTER;
    const c = k * (1 / STEPS);
    const b = u - c;
    const row = ((k | 0) & 4095) * WIDTH;
    const e = expNear0(-(b * (TWO_ROOT_HI + B3 * (c * u))));
    const b2 = b * b;
    const g =
      SLOPE_TABLE[row]! +
      b *
        (SLOPE_TABLE[row + 1]! +
          b * SLOPE_TABLE[row + 2]! +
          b2 * (SLOPE_TABLE[row + 3]! + b * SLOPE_TABLE[row + 4]!) +
          b2 * b2 * (SLOPE_TABLE[row + 5]! + b * SLOPE_TABLE[row + 6]!));
    // G' for x < 0, 1 − G' for x > 0: p + (1 − 2p)·G' with p = [x > 0], exact for p = 0
    const p = Number(x > 0);
    out[i] = p + (1 - 2 * p) * (e * g);
  }
  fixUpRange(xs, out, first, last, geluTanhInTable, scalar);
  return out;
}

/** Row k of GELU-tanh''s table (s0..s6): exported for the tests. */
export function geluTanhSlopeTableRow(k: number): readonly number[] {
  ensureTable();
  return SLOPE_TABLE.slice(k * WIDTH, (k + 1) * WIDTH);
}

/** Row k (h0..h6): exported for the tests. */
export function geluTanhTableRow(k: number): readonly number[] {
  ensureTable();
  return TABLE.slice(k * WIDTH, (k + 1) * WIDTH);
}
