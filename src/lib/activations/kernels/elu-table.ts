/**
 * The vectorised ELU and SELU by table: e^x − 1 (and e^x for the slopes) on the negative side
 * from one table row and a polynomial, no call to Math.expm1 and no branch on the sign of x.
 *
 * Method: for x ≤ 0 let t = 256x, k = ceil(t) ≤ 0, p = t − k ∈ (−1, 0] (exact), so x = c + b
 * with c = k/256 and b = p/256 ∈ (−2^-8, 0]. With E1 = e^c − 1 (as hi + lo) and E = e^c from
 * the table,
 *   e^x − 1 = E1 + E·q,  e^x = E + E·q,  q = e^b − 1,
 * q the degree-6 Taylor polynomial (truncation below 2^-60 relative). Rounding k up, not to
 * nearest, keeps b ≤ 0, so E1 and E·q have the same sign: the sum never cancels, and E·q is at
 * most half of it (for k < 0; for k = 0 it is q alone).
 *
 * Error of e^x − 1 (u = 2^-53): E·q carries E's rounding, q's (one addition: p/256 is exact) and
 * the product's, 3u relative on at most half the result (1.5u); E1's hi + lo is exact to 2^-100;
 * the two additions round: within 2.5 ULP, and 3.5 after the multiplication by α ≠ 1 (ELU's α,
 * SELU's λα). ELU at α = 1 leaves out E1's low part (one load fewer, which Chromium shows): E1
 * rounded once adds at most u, as |E1| ≤ |e^x − 1|: within 3 ULP. All inside the 4 the accuracy
 * tests hold ELU and SELU to (tests/unit/activations-elu-table.test.ts also checks random points
 * against the 80-digit oracle). e^x = E + E·q: within 2.5 ULP, 3 with the factor.
 *
 * The table runs from x = 0 down to x = −32 (rows 0..8191). As in sigmoid-table.ts, the loop
 * does not compare each x with the limit: it ORs the row indices together (a row past 8191 sets a
 * bit above 12) and sums t, which is never positive, so the sum cannot cancel: it reaches −2^31
 * if any x ≤ −2^23 (where the 32-bit row index would wrap), and is −Infinity for −Infinity and
 * NaN for NaN. Either sends the array through {@link fixUp}, which redoes the elements outside the
 * table with the scalar function (a long array of large negative inputs may take that pass
 * without needing it: it is only slower, not wrong).
 *
 * The table (3·8192 doubles, 192 KB) is built on first use in double-double (e^{-r/256} by
 * repeated products of a double-double e^{-1/256}): about 10 ms in Node, most of it before V8
 * optimises the loop, hence TABLE_MIN_LENGTH and `prepare` (loop.ts).
 */
import { addDD, expSmallDD, mulDD } from '../double-double.ts';
import { fixUp } from './loop.ts';

/** Grid points per unit of x. */
const STEPS = 256;
/** Rows: x from 0 down to −32. */
const ROWS = 8192;
const ROW_MASK = ROWS - 1;
/** Below any sum of t = 256x over fewer than 2^18 in-table inputs (each t above −2^13). */
const T_SUM_BOUND = -(2 ** 31);
/** Doubles per row: E1 hi, E1 lo, E. */
const WIDTH = 3;

/** Row r: e^{-r/256} − 1 as hi + lo, then e^{-r/256}. A packed array of doubles. */
const TABLE: number[] = [];

function buildTable(): void {
  const step = [0, 0];
  expSmallDD(-1 / STEPS, 0, step);
  const e = [1, 0];
  const e1 = [0, 0];
  for (let r = 0; r < ROWS; r++) {
    addDD(e[0]!, e[1]!, -1, e1);
    TABLE.push(e1[0]!, e1[1]!, e[0]!);
    mulDD(e[0]!, e[1]!, step[0]!, step[1]!, e);
  }
}

function ensureTable(): void {
  if (TABLE.length === 0) buildTable();
}

/** Whether the table is built (the vectorised forms then use it at any length). */
export function eluTableReady(): boolean {
  return TABLE.length > 0;
}

/** Builds the table now (once). */
export function prepareEluTable(): void {
  ensureTable();
}

/** Whether the loop's own result for x stands: x > 0, or its row is in the table (NaN: no). */
export function eluInTable(x: number): boolean {
  return x > 0 || Math.ceil(x * STEPS) > -ROWS;
}

/** q(p) = e^{p/256} − 1 for −1 < p ≤ 0: p/256 exactly, then the rest (p²·…) in one addition. */
const Q2 = 1 / 2 / STEPS ** 2;
const Q3 = 1 / 6 / STEPS ** 3;
const Q4 = 1 / 24 / STEPS ** 4;
const Q5 = 1 / 120 / STEPS ** 5;
const Q6 = 1 / 720 / STEPS ** 6;
function expm1Small(p: number): number {
  const p2 = p * p;
  return p * (1 / STEPS) + p2 * (Q2 + p * Q3 + p2 * (Q4 + p * Q5 + p2 * Q6));
}

/*
 * The loops below: t = 256·min(x, 0), and the result picked by the sign, with selects that V8
 * compiles without a branch (a branch on the sign mispredicts half the time on a real layer's
 * values). ELU(±0) = ±0 comes from the `x >= 0` side: the table side would give +0 for -0.
 * With a multiplication on either side of the pick the loop runs about 20% slower in Chromium
 * (no difference in Node; measured, not explained), so ELU at its default α = 1, which needs
 * none, has a loop of its own.
 */

/**
 * out[i] = scale·x for x ≥ 0, scaleAlpha·(e^x − 1) otherwise (ELU: 1 and α; SELU: λ and λα), for
 * every i; `scalar` redoes the elements outside the table. Returns out.
 */
export function eluTableInto(
  xs: Float64Array,
  out: Float64Array,
  scale: number,
  scaleAlpha: number,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let rows = 0;
  let tSum = 0;
  if (scale === 1 && scaleAlpha === 1) {
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const t = x > 0 ? 0 : x * STEPS;
      const k = Math.ceil(t);
      const r = -k | 0;
      rows |= r;
      tSum += t;
      const row = (r & ROW_MASK) * WIDTH;
      const em1 = TABLE[row]! + TABLE[row + 2]! * expm1Small(t - k);
      out[i] = x >= 0 ? x : em1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const t = x > 0 ? 0 : x * STEPS;
      const k = Math.ceil(t);
      const r = -k | 0;
      rows |= r;
      tSum += t;
      const row = (r & ROW_MASK) * WIDTH;
      const em1 = TABLE[row]! + (TABLE[row + 1]! + TABLE[row + 2]! * expm1Small(t - k));
      out[i] = x >= 0 ? scale * x : scaleAlpha * em1;
    }
  }
  if ((rows & ~ROW_MASK) !== 0 || !(tSum > T_SUM_BOUND)) fixUp(xs, out, eluInTable, scalar);
  return out;
}

/**
 * out[i] = scale for x > 0, scaleAlpha·e^x otherwise (the slopes of {@link eluTableInto}), for
 * every i; `scalar` redoes the elements outside the table. Returns out.
 */
export function eluSlopeTableInto(
  xs: Float64Array,
  out: Float64Array,
  scale: number,
  scaleAlpha: number,
  scalar: (x: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let rows = 0;
  let tSum = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const t = x > 0 ? 0 : x * STEPS;
    const k = Math.ceil(t);
    const r = -k | 0;
    rows |= r;
    tSum += t;
    const e = TABLE[(r & ROW_MASK) * WIDTH + 2]!;
    out[i] = x > 0 ? scale : scaleAlpha * (e + e * expm1Small(t - k));
  }
  if ((rows & ~ROW_MASK) !== 0 || !(tSum > T_SUM_BOUND)) fixUp(xs, out, eluInTable, scalar);
  return out;
}

/** Row r (E1 hi, E1 lo, E for c = −r/256): exported for the tests. */
export function eluTableRow(r: number): readonly number[] {
  ensureTable();
  return TABLE.slice(r * WIDTH, (r + 1) * WIDTH);
}
