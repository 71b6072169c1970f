/**
 * The vectorised sigmoid and SiLU by table: 1 + e^{-x} from one table entry and a quartic, then
 * one division. No exp, no 2^k scaling and no Cody–Waite reduction in the loop, which is what
 * brings σ and SiLU under half the time of the Math.exp loop in Chromium (whose Math.exp is
 * about 2.5x faster than Node's); the loop is bound by how many instructions it issues, not by
 * the division, so every operation saved counts.
 *
 * Method: t = 256x, k = round(t), p = t − k (exact, |p| ≤ 1/2), so x = c + b with c = k/256 and
 * b = p/256, |b| ≤ 2^-9. With A = 1 + e^{-c} from the table,
 *   1 + e^{-x} = 1 + (A − 1)·e^{-b} = A + (A − 1)·q,  q = e^{-b} − 1,
 * where A − 1 is exact (A ≥ 1) and q is a quartic in p: the degree-5 Taylor polynomial of
 * e^{-b} − 1 economised by Chebyshev's T5 on |b| ≤ 2^-9 (error below 2^-55.9).
 *
 * Error: A rounded once (relative error u = 2^-53 at most, and A − 1 = (true A − 1) + that error,
 * which shifts D = A + (A − 1)q by at most u·A·e^{|b|}), the final addition (u), q's truncation
 * (0.14u) and the roundings inside (A − 1)·q, which are at most 2^-9 of D (0.01u): D within 2.2u
 * relative, and the division rounds once more: σ = 1/D and SiLU = x/D within 2.7 ULP. The
 * accuracy tests hold them to 4 (tests/unit/activations-sigmoid-table.test.ts also checks
 * random points against the 80-digit oracle).
 *
 * The table covers -32 ≤ x < 32 (k from -8192 to 8191). The loop does not test each x for that:
 * it ORs every row index together (an index outside 0..16383 sets a bit above 13) and sums x²
 * (infinite or NaN for ±Infinity and NaN, at least 2^46 for |x| ≥ 2^23, where the 32-bit index
 * would wrap, and below 2^44 while every |x| < 33 for any array length a Float64Array can have).
 * Either sign sends the array through {@link fixUp}, which redoes the elements outside the table
 * with the scalar function. Together they issue fewer instructions than comparing each |x| with
 * 32, which V8 compiles to a compare, a branch and a flag.
 *
 * The table (16384 doubles, 128 KB) is built on first use in double-double arithmetic (e^{-c} by
 * repeated products of a double-double e^{∓1/256}, each entry rounded once): 10-20 ms in Node,
 * most of it before V8 optimises the loop, hence TABLE_MIN_LENGTH and `prepare` (loop.ts).
 */
import { expSmallDD } from '../double-double.ts';
import { fixUp } from './loop.ts';

/** Grid points per unit of x. */
const STEPS = 256;
/** Row of x = 0; rows run from x = -32 (row 0) to x = 32 − 1/256 (row 16383). */
const MID = 8192;
const ROWS = 2 * MID;
const ROW_MASK = ROWS - 1;
/** Above any sum of x² over in-table inputs (each below 33²) of up to 2^33 elements. */
const SQUARES_BOUND = 2 ** 44;
/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer. */
const SHIFTER = 6755399441055744;
/** 2^27 + 1, Veltkamp's splitter: a·SPLITTER splits a into two 26-bit halves. */
const SPLITTER = 134217729;

/** A = 1 + e^{-k/256} at row k + MID, each rounded once. A packed array of doubles. */
const TABLE: number[] = [];

function buildTable(): void {
  for (let i = 0; i < ROWS; i++) TABLE.push(2);
  const step = [0, 0];
  // e^{∓c} outward from e^0 = 1 by products with e^{∓1/256} (relative error after 8192 of them
  // about 2^-91), written out in scalars rather than through mulDD and addDD: the first run of
  // this loop is not optimised yet, and their calls and arrays doubled its time
  for (const sign of [-1, 1]) {
    expSmallDD(sign / STEPS, 0, step);
    const sh = step[0]!;
    const sl = step[1]!;
    // Veltkamp's split of the step, for Dekker's exact products below
    const shh = SPLITTER * sh - (SPLITTER * sh - sh);
    const shl = sh - shh;
    let eh = 1;
    let el = 0;
    for (let k = 1; k <= MID; k++) {
      const p = eh * sh;
      const t = SPLITTER * eh;
      const ehh = t - (t - eh);
      const ehl = eh - ehh;
      const e = ehh * shh - p + ehh * shl + ehl * shh + ehl * shl + eh * sl + el * sh;
      eh = p + e;
      el = e - (eh - p);
      // A = 1 + e^{∓c}, rounded once (the sum's error by TwoSum)
      const a = 1 + eh;
      const v = a - 1;
      const row = MID - sign * k;
      if (row < ROWS) TABLE[row] = a + (1 - (a - v) + (eh - v) + el);
    }
  }
}

function ensureTable(): void {
  if (TABLE.length === 0) buildTable();
}

/** Whether the table is built (the vectorised forms then use it at any length). */
export function sigmoidTableReady(): boolean {
  return TABLE.length > 0;
}

/** Builds the table now (once). */
export function prepareSigmoidTable(): void {
  ensureTable();
}

/** Whether the loop's own result for x stands: its row is in the table (NaN: no). */
export function sigmoidInTable(x: number): boolean {
  const k = x * STEPS + SHIFTER - SHIFTER;
  return k >= -MID && k < MID;
}

/*
 * q(p) = e^{-p/256} − 1 for |p| ≤ 1/2: the coefficients of b, b³ carry the economisation
 * (b⁵ ≈ (20β²b³ − 5β⁴b)/16 with β = 2^-9), then each is scaled by 256^-j for p = 256b.
 */
const BETA2 = 2 ** -18;
const Q1 = (-1 + (BETA2 * BETA2) / 384) / STEPS;
const Q2 = 1 / 2 / STEPS ** 2;
const Q3 = (-1 / 6 - BETA2 / 96) / STEPS ** 3;
const Q4 = 1 / 24 / STEPS ** 4;

/** 1 + e^{-x} from the row's A and p = 256x − k (see the top of this file). */
function denominator(a: number, p: number): number {
  return a + (a - 1) * (p * (Q1 + p * (Q2 + p * (Q3 + p * Q4))));
}

/*
 * The two loops below run two elements per iteration: the loop's own bookkeeping (bounds,
 * counter, interrupt check) is a good share of so short a body, and halving it measured about 5%.
 * `rows` and `squares` are the range checks described at the top of this file.
 */

/**
 * Writes σ(xs[i]) into out[i] for every i and returns out; `scalar` (the logistic function)
 * redoes the elements outside the table.
 */
export function sigmoidTableInto(
  xs: Float64Array,
  out: Float64Array,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let rows = 0;
  let squares = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x = xs[i]!;
    const y = xs[i + 1]!;
    const tx = x * STEPS;
    const ty = y * STEPS;
    const kx = tx + SHIFTER - SHIFTER;
    const ky = ty + SHIFTER - SHIFTER;
    const rx = (kx | 0) + MID;
    const ry = (ky | 0) + MID;
    rows |= rx | ry;
    squares += x * x + y * y;
    out[i] = 1 / denominator(TABLE[rx & ROW_MASK]!, tx - kx);
    out[i + 1] = 1 / denominator(TABLE[ry & ROW_MASK]!, ty - ky);
  }
  if (i < n) out[i] = scalar(xs[i]!);
  if ((rows & ~ROW_MASK) !== 0 || !(squares < SQUARES_BOUND))
    fixUp(xs, out, sigmoidInTable, scalar);
  return out;
}

/**
 * Writes SiLU(xs[i]) = xs[i]·σ(xs[i]) into out[i] for every i and returns out; `scalar` redoes
 * the elements outside the table.
 */
export function siluTableInto(
  xs: Float64Array,
  out: Float64Array,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let rows = 0;
  let squares = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x = xs[i]!;
    const y = xs[i + 1]!;
    const tx = x * STEPS;
    const ty = y * STEPS;
    const kx = tx + SHIFTER - SHIFTER;
    const ky = ty + SHIFTER - SHIFTER;
    const rx = (kx | 0) + MID;
    const ry = (ky | 0) + MID;
    rows |= rx | ry;
    squares += x * x + y * y;
    out[i] = x / denominator(TABLE[rx & ROW_MASK]!, tx - kx);
    out[i + 1] = y / denominator(TABLE[ry & ROW_MASK]!, ty - ky);
  }
  if (i < n) out[i] = scalar(xs[i]!);
  if ((rows & ~ROW_MASK) !== 0 || !(squares < SQUARES_BOUND))
    fixUp(xs, out, sigmoidInTable, scalar);
  return out;
}

/** Row k of the table (A = 1 + e^{-k/256}), k from -8192 to 8191: exported for the tests. */
export function sigmoidTableEntry(k: number): number {
  ensureTable();
  return TABLE[k + MID]!;
}
