/**
 * The vectorised exact GELU, x·Φ(x), and its derivative, by table: each about 2.5 times as fast
 * as the tail formula with its double-double square and Mills-ratio division, and GELU faster
 * than the textbook tanh formula. (GELU' uses a second table from the same construction; see
 * {@link geluSlopeTableInto}.)
 *
 * With t = |x|, GELU(x) = max(x, 0) − t·Φ(−t) for either sign, so one function of t serves
 * both sides and the sign only picks max(x, 0). For t = c + b on a grid c = k/64 (|b| ≤ 1/128),
 *   t·Φ(−t) = e^{−c·b} · R_k(b),   R_k(b) = φ(c)·(c + b)·M(c + b)·e^{−b²/2},
 * where M(t) = Φ(−t)/φ(t) is the Mills ratio. The factor e^{−c·b} carries the tail's fast decay
 * (c·b is an exact product: k has at most 12 bits and b at most 46), which leaves R_k smooth
 * enough for a degree-6 Taylor polynomial per row (truncation below 2^-57 relative on every row,
 * row 0 included, where R_0(b) = b·Φ(−b)). Within 2 ULP in the accuracy tests.
 *
 * The table is built on first use, in double-double, and not shipped: M is carried from t = 37
 * (its asymptotic series) down to 0 by Taylor steps of the ODE M' = t·M − 1, which is stable in
 * that direction, and the same recurrence gives each row's coefficients. The steps end at
 * M(0) = √(π/2), which the tests check.
 */
import { addDD, expSmallDD, mulDD, quotientDD, sumDD } from '../double-double.ts';
import { expNear0, prepareExpNear0 } from './fast-exp.ts';
import { fixUpRange } from './loop.ts';

/** Grid points per unit of t. */
const STEPS = 64;
/** Largest t in the table: beyond it Φ(−t) is within a few powers of two of underflow. */
export const GELU_TABLE_MAX = 37;
const LAST_ROW = GELU_TABLE_MAX * STEPS;
/** Polynomial degree of R_k. */
const DEGREE = 6;
/** Doubles per row: r0..r6, each rounded to double (a low part for r0 measured a load slower). */
const WIDTH = DEGREE + 1;
/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer. */
const SHIFTER = 6755399441055744;
/** 1/√(2π) as a double-double. */
const INV_SQRT_2PI_HI = 0.3989422804014327;
const INV_SQRT_2PI_LO = -2.49232720227773e-17;

/** Rows of {@link WIDTH}; empty until {@link geluTableInto} first runs. A packed array of doubles. */
const TABLE: number[] = [];
/** The same for GELU' (see {@link geluSlopeTableInto}): rows of S_k, built in the same pass. */
const SLOPE_TABLE: number[] = [];
/** M(0) as the steps left it (hi, lo): √(π/2) if the table is right. Exposed for the tests. */
const millsAtZero = [0, 0];

function buildTable(): void {
  const rows = LAST_ROW + 1;
  // φ(k/64) = e^{−k²/8192}/√(2π) by running products: e^{−(k+1)²/8192} = e^{−k²/8192}·q_k with
  // q_k = e^{−(2k+1)/8192} = q_{k−1}·e^{−1/4096}
  const phi: number[] = [];
  const p = [1, 0];
  const q = [0, 0];
  const g = [0, 0];
  const tmp = [0, 0];
  expSmallDD(-1 / (2 * STEPS * STEPS), 0, q);
  expSmallDD(-1 / (STEPS * STEPS), 0, g);
  for (let k = 0; k < rows; k++) {
    mulDD(p[0]!, p[1]!, INV_SQRT_2PI_HI, INV_SQRT_2PI_LO, tmp);
    phi.push(tmp[0]!, tmp[1]!);
    mulDD(p[0]!, p[1]!, q[0]!, q[1]!, p);
    mulDD(q[0]!, q[1]!, g[0]!, g[1]!, q);
  }

  // M(37) = (1/t)·Σ (−1)^n (2n−1)!!/t^{2n}: terms fall below 2^-120 by n = 20
  const invT2 = [0, 0];
  quotientDD(1, 0, GELU_TABLE_MAX * GELU_TABLE_MAX, 0, invT2);
  const term = [1, 0];
  const series = [1, 0];
  for (let n = 1; n <= 24; n++) {
    mulDD(term[0]!, term[1]!, invT2[0]!, invT2[1]!, term);
    mulDD(term[0]!, term[1]!, -(2 * n - 1), 0, term);
    sumDD(series[0]!, series[1]!, term[0]!, term[1]!, series);
  }
  // m[j] = M^{(j)}(c)/j! as double-doubles; the recurrence (j+1)·m_{j+1} = c·m_j + m_{j−1}
  // (m_1 = c·m_0 − 1) is M' = t·M − 1 written for Taylor coefficients
  const m: number[][] = [[0, 0]];
  quotientDD(series[0]!, series[1]!, GELU_TABLE_MAX, 0, m[0]!);
  const h: number[][] = [];
  const slope: number[][] = [];
  for (let j = 0; j <= DEGREE; j++) {
    h.push([0, 0]);
    slope.push([0, 0]);
  }
  const acc = [0, 0];
  /** table[base + j] = φ(c)·[b^j] (coeffs(b)·e^{−b²/2}), coeffs given by their Taylor coefficients. */
  const writeRow = (table: number[], base: number, coeffs: number[][], k: number): void => {
    for (let j = 0; j <= DEGREE; j++) {
      acc[0] = 0;
      acc[1] = 0;
      let f = 1;
      for (let i = 0; 2 * i <= j; i++) {
        const cj = coeffs[j - 2 * i]!;
        addDD(acc[0]!, acc[1]!, cj[0]! * f, acc);
        acc[1]! += cj[1]! * f;
        f *= -0.5 / (i + 1);
      }
      mulDD(acc[0]!, acc[1]!, phi[2 * k]!, phi[2 * k + 1]!, tmp);
      table[base + j] = tmp[0]! + tmp[1]!;
    }
  };
  for (let k = LAST_ROW; k >= 0; k--) {
    const c = k / STEPS;
    let last = 0;
    for (let j = 0; ; j++) {
      if (m.length <= j + 1) m.push([0, 0]);
      mulDD(m[j]![0]!, m[j]![1]!, c, 0, tmp);
      if (j === 0) addDD(tmp[0]!, tmp[1]!, -1, m[1]!);
      else {
        sumDD(tmp[0]!, tmp[1]!, m[j - 1]![0]!, m[j - 1]![1]!, tmp);
        quotientDD(tmp[0]!, tmp[1]!, j + 1, 0, m[j + 1]!);
      }
      last = j + 1;
      // enough terms for the step (|b| ≤ 1/64 from the last point) and the row's degree
      if (
        last > DEGREE &&
        Math.abs(m[last]![0]!) * STEPS ** -last < 2 ** -110 * Math.abs(m[0]![0]!)
      )
        break;
    }
    // h_j: Taylor coefficients of (c + b)·M(c + b); slope_j: of M(c + b) − (c + b)
    for (let j = 0; j <= DEGREE; j++) {
      mulDD(m[j]![0]!, m[j]![1]!, c, 0, h[j]!);
      if (j > 0) sumDD(h[j]![0]!, h[j]![1]!, m[j - 1]![0]!, m[j - 1]![1]!, h[j]!);
      slope[j]![0] = m[j]![0]!;
      slope[j]![1] = m[j]![1]!;
    }
    addDD(slope[0]![0]!, slope[0]![1]!, -c, slope[0]!);
    addDD(slope[1]![0]!, slope[1]![1]!, -1, slope[1]!);
    // times e^{−b²/2} = Σ (−1/2)^i b^{2i}/i!, then φ(c)
    writeRow(TABLE, k * WIDTH, h, k);
    writeRow(SLOPE_TABLE, k * WIDTH, slope, k);
    if (k === 0) {
      millsAtZero[0] = m[0]![0]!;
      millsAtZero[1] = m[0]![1]!;
      break;
    }
    // step to c − 1/64: M(c − h) = Σ m_j (−1/64)^j (exact scalings), smallest terms first
    acc[0] = 0;
    acc[1] = 0;
    for (let j = last; j >= 0; j--) {
      const s = (-1 / STEPS) ** j;
      addDD(acc[0]!, acc[1]!, m[j]![0]! * s, acc);
      acc[1]! += m[j]![1]! * s;
    }
    m[0]![0] = acc[0]!;
    m[0]![1] = acc[1]!;
  }
}

/** Whether the table is built (the vectorised forms then use it at any length). */
export function geluTableReady(): boolean {
  return TABLE.length > 0;
}

/** Builds the table now (once). */
export function prepareGeluTable(): void {
  ensureTable();
}

function ensureTable(): void {
  prepareExpNear0();
  if (TABLE.length === 0) {
    // pushed in order first, so the array is packed doubles before the rows are written
    for (let i = 0; i < (LAST_ROW + 1) * WIDTH; i++) {
      TABLE.push(0.5);
      SLOPE_TABLE.push(0.5);
    }
    buildTable();
  }
}

/**
 * Below this |x| the scalar kernel takes over: it keeps the sign of ±0 and rounds the halves of
 * subnormals as GELU's x²/√(2π) term decides. A power of two, so that MID and HALF are exact
 * and the one comparison below tests exactly TABLE_MIN ≤ |x| ≤ 37.
 */
const TABLE_MIN = 2 ** -30;
const MID = (TABLE_MIN + GELU_TABLE_MAX) / 2;
const HALF = (GELU_TABLE_MAX - TABLE_MIN) / 2;

/** What {@link geluTableInto} computes itself: TABLE_MIN ≤ |x| ≤ 37 (one comparison; NaN fails). */
export function geluInTable(x: number): boolean {
  return Math.abs(Math.abs(x) - MID) <= HALF;
}

/**
 * Writes GELU(xs[i]) into out[i] for every i and returns out: the table where
 * {@link geluInTable} holds, `scalar` (the scalar kernel) for the rest. Those are rare (zeros,
 * tiny or huge inputs, NaN), and the loop records the first and last of them, so a stray 0 in a
 * large array costs one scalar call rather than a second pass over the array.
 */
export function geluTableInto(
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
    const e = expNear0(-(c * b));
    const b2 = b * b;
    const r =
      TABLE[row]! +
      b *
        (TABLE[row + 1]! +
          b * TABLE[row + 2]! +
          b2 * (TABLE[row + 3]! + b * TABLE[row + 4]!) +
          b2 * b2 * (TABLE[row + 5]! + b * TABLE[row + 6]!));
    // max(x, 0) without a branch: exact for |x| ≤ 37
    out[i] = (x + t) * 0.5 - e * r;
  }
  fixUpRange(xs, out, first, last, geluInTable, scalar);
  return out;
}

/**
 * What {@link geluSlopeTableInto} computes itself: the value's window. GELU' itself would need
 * no lower bound (D(0) = 1/2 gives GELU'(±0) = 1/2), but one predicate keeps the two kernels alike.
 */
export const geluSlopeInTable = geluInTable;

/**
 * Writes GELU'(xs[i]) into out[i] for every i and returns out. With t = |x| and
 * D(t) = Φ(−t) − t·φ(t) = φ(t)·(M(t) − t), GELU'(x) is D(t) for x < 0 and 1 − D(t) for x > 0;
 * D(c + b) = e^{−c·b}·S_k(b), S_k(b) = φ(c)·(M(c + b) − (c + b))·e^{−b²/2}, a degree-6
 * polynomial from the same construction as the value's rows. The sign picks D or 1 − D by
 * arithmetic, not a branch. `scalar` handles the elements outside the table's window.
 * Its loop repeats the value's on purpose: one loop for both, taking the table and a flag,
 * measured 1.5 ns per element slower.
 */
export function geluSlopeTableInto(
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
    const e = expNear0(-(c * b));
    const b2 = b * b;
    const s =
      SLOPE_TABLE[row]! +
      b *
        (SLOPE_TABLE[row + 1]! +
          b * SLOPE_TABLE[row + 2]! +
          b2 * (SLOPE_TABLE[row + 3]! + b * SLOPE_TABLE[row + 4]!) +
          b2 * b2 * (SLOPE_TABLE[row + 5]! + b * SLOPE_TABLE[row + 6]!));
    // D for x < 0, 1 − D for x > 0: p + (1 − 2p)·D with p = [x > 0], exact for p = 0
    const p = Number(x > 0);
    out[i] = p + (1 - 2 * p) * (e * s);
  }
  fixUpRange(xs, out, first, last, geluSlopeInTable, scalar);
  return out;
}

/** Row k of GELU''s table (s0..s6): exported for the tests. */
export function geluSlopeTableRow(k: number): readonly number[] {
  ensureTable();
  return SLOPE_TABLE.slice(k * WIDTH, (k + 1) * WIDTH);
}

/** M(0) as the table's construction reached it, hi + lo: √(π/2) when every step was right. */
export function geluTableMillsAtZero(): readonly [number, number] {
  ensureTable();
  return [millsAtZero[0]!, millsAtZero[1]!];
}

/** Row k (r0..r6): exported for the tests. */
export function geluTableRow(k: number): readonly number[] {
  ensureTable();
  return TABLE.slice(k * WIDTH, (k + 1) * WIDTH);
}
