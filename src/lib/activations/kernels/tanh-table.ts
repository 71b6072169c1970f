/**
 * The vectorised tanh by table and addition formula, about 1.6x faster than the exp-based kernel
 * (one table row and a degree-7 polynomial instead of an exp with its own table and reduction).
 *
 * Method: for a = |x| ≤ 20 let k = round(64a) and b = a − k/64 (exact), |b| ≤ 1/128. With
 * t = tanh(k/64) from the table and s = tanh(b) from its odd Taylor polynomial of degree 7 (next
 * term below 2^-61 relative),
 *   tanh(a) = (t + s)/(1 + t·s) = t + s(1 − t²)/(1 + t·s).
 * The second form adds a small correction to a tabulated value, so its rounding errors shrink
 * with it: within 2 ULP over the whole range (the accuracy tests hold it to 4). Beyond a = 20,
 * tanh rounds to 1, which the clamped row k = 1280 gives; NaN flows through the polynomial.
 *
 * The table is computed on first use, in double-double arithmetic (e^{k/32} by repeated
 * products of a double-double e^{1/32}), rather than shipped: 1281 rows of digits would add about
 * 30 KB of incompressible JavaScript to every page that draws a tanh.
 */
import { addDD, expSmallDD, mulDD, quotientDD } from '../double-double.ts';

/** Table rows per unit of |x|: the grid step is 1/64. */
const STEPS = 64;
/** |x| from which tanh(x) rounds to ±1 (tanh(20) = 1 − 8.5e-18); the last row. */
const CLAMP = 20;
/** Below this |x|, tanh(x) rounds to x; returning x itself also keeps the sign of -0. */
const TANH_LINEAR = 3.725290298461914e-9;
/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer. */
const SHIFTER = 6755399441055744;

/**
 * Rows of three: tanh(k/64) as hi and lo (about 2^-100 relative), then 1 − tanh²(k/64)
 * (within 1 ULP). Empty until first use (building it takes 2-5 ms, which pages that never run
 * the kernel should not pay). A plain packed array of doubles, like fast-exp's table: its loads
 * skip typed-array checks.
 */
const TABLE: number[] = [];

function buildTable(): void {
  const sum = [0, 0];
  expSmallDD(1 / 32, 0, sum);
  const power = [1, 0];
  const num = [0, 0];
  const den = [0, 0];
  const t = [0, 0];
  for (let k = 0; k <= CLAMP * STEPS; k++) {
    // tanh(k/64) = (e − 1)/(e + 1) with e = e^{k/32}
    addDD(power[0]!, power[1]!, -1, num);
    addDD(power[0]!, power[1]!, 1, den);
    quotientDD(num[0]!, num[1]!, den[0]!, den[1]!, t);
    // 1 − t² = 4/(e + 2 + 1/e): no cancellation, where (1 − t)(1 + t) would need t to 2^-106
    addDD(power[0]!, power[1]!, 2, den);
    TABLE.push(t[0]!, t[1]!, 4 / (den[0]! + (den[1]! + 1 / power[0]!)));
    mulDD(power[0]!, power[1]!, sum[0]!, sum[1]!, power);
  }
}

/** Odd Taylor coefficients of tanh: x − x³/3 + 2x⁵/15 − 17x⁷/315. */
const C3 = -1 / 3;
const C5 = 2 / 15;
const C7 = -17 / 315;

/**
 * Writes tanh(xs[i]) into out[i] for every i (out may be xs) and returns out. Every double is
 * handled in the loop: ±Infinity clamps to ±1, NaN stays NaN, -0 stays -0.
 */
export function tanhTableInto(xs: Float64Array, out: Float64Array): Float64Array {
  if (TABLE.length === 0) buildTable();
  for (let i = 0, n = xs.length; i < n; i++) {
    const x = xs[i]!;
    const ax = Math.abs(x);
    // `>` (not `<`) so that NaN is kept and reaches the polynomial
    const c = ax > CLAMP ? CLAMP : ax;
    const k = c * STEPS + SHIFTER - SHIFTER;
    const b = c - k * (1 / STEPS);
    // masked so the compiler knows the index range (no overflow checks on the offsets)
    const row = ((k | 0) & 2047) * 3;
    const t = TABLE[row]!;
    const z = b * b;
    const s = b + b * z * (C3 + z * (C5 + z * C7));
    const r = t + (TABLE[row + 1]! + (s * TABLE[row + 2]!) / (1 + t * s));
    // the sign by multiplication: a branch on it mispredicts half the time on a real layer's
    // values, while V8 turns a comparison made a number into a flag without one (2·[x ≥ 0] − 1
    // is ±1; NaN's r is NaN anyway); the |x| < TANH_LINEAR branch is almost never taken
    out[i] = ax < TANH_LINEAR ? x : (2 * Number(x >= 0) - 1) * r;
  }
  return out;
}

/** The table row for k (hi, lo, 1 − t²): exported for the tests that check it. */
export function tanhTableRow(k: number): readonly [number, number, number] {
  if (TABLE.length === 0) buildTable();
  return [TABLE[3 * k]!, TABLE[3 * k + 1]!, TABLE[3 * k + 2]!];
}
