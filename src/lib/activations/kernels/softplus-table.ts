/**
 * The vectorised softplus by table: no exp and no log in the loop, about three times as fast as
 * log(1 + e^x) with Math.exp and Math.log.
 *
 * softplus(y) = max(y, 0) + g(|y|) with g(u) = log(1 + e^{−u}). For u = c + b on a grid
 * c = k/32 (|b| ≤ 1/64), g(c + b) is its Taylor polynomial of degree 7 at c: g(c) as hi + lo,
 * and g^{(j)}(c)/j! = −s_{j−1}/j, where s_j are the Taylor coefficients of s(u) = 1/(1 + e^u) = −g'
 * from s' = s² − s. The terms decay like (1/(64π))^j (g's nearest singularities are at u = ±iπ),
 * so the truncation is below 2^-60 relative; the correction to g(c) is at most 1/64 of it, which
 * damps its rounding errors. Within 1 ULP in the accuracy tests.
 *
 * Rows run to u = 40, beyond which g(u) < ulp(u)/2: there softplus is y, and for y < −40 it is
 * e^y, which the scalar kernel computes (the loop flags those, and NaN).
 *
 * The table is built on first use, in double-double where it matters: e^{−c} by repeated
 * products, g(c) = 2·atanh(e^{−c}/(2 + e^{−c})) by its series (to about 2^-56 relative, an eighth
 * of an ULP).
 */
import { addDD, expSmallDD, mulDD, quotientDD } from '../double-double.ts';
import { fixUpRange } from './loop.ts';

/** Grid points per unit of u. */
const STEPS = 32;
/** Largest u in the table. */
export const SOFTPLUS_TABLE_MAX = 40;
const LAST_ROW = SOFTPLUS_TABLE_MAX * STEPS;
/** Degree of each row's polynomial. */
const DEGREE = 7;
/** Doubles per row: g(c) hi, lo, then the coefficients of b^1..b^7. */
const WIDTH = DEGREE + 2;
/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer. */
const SHIFTER = 6755399441055744;

/** Rows of {@link WIDTH}; empty until first use. A packed array of doubles. */
const TABLE: number[] = [];

function buildTable(): void {
  const step = [0, 0];
  expSmallDD(-1 / STEPS, 0, step);
  const w = [1, 0];
  const den = [0, 0];
  const z = [0, 0];
  const s: number[] = [];
  for (let k = 0; k <= LAST_ROW; k++) {
    // g(c) = log(1 + w) = 2·atanh(z), z = w/(2 + w) ≤ 1/3: z in double-double, the series'
    // tail z²/3 + z⁴/5 + … (at most 4% of the sum) in doubles
    addDD(w[0]!, w[1]!, 2, den);
    quotientDD(w[0]!, w[1]!, den[0]!, den[1]!, z);
    const z2 = z[0]! * z[0]!;
    let tail = 0;
    let power = 1;
    for (let n = 1; n < 40; n++) {
      power *= z2;
      const t = power / (2 * n + 1);
      tail += t;
      if (t < 2 ** -60 * tail) break;
    }
    const gh0 = 2 * z[0]!;
    const gl0 = 2 * z[1]! + gh0 * tail;
    const gh = gh0 + gl0;
    TABLE.push(gh, gl0 - (gh - gh0));
    // s_0 = w/(1 + w); (j + 1)·s_{j+1} = Σ_{i≤j} s_i·s_{j−i} − s_j
    s[0] = w[0]! / (1 + w[0]!);
    for (let j = 0; j < DEGREE - 1; j++) {
      let conv = 0;
      for (let i = 0; i <= j; i++) conv += s[i]! * s[j - i]!;
      s[j + 1] = (conv - s[j]!) / (j + 1);
    }
    for (let j = 1; j <= DEGREE; j++) TABLE.push(-s[j - 1]! / j);
    mulDD(w[0]!, w[1]!, step[0]!, step[1]!, w);
  }
}

/** Whether the table is built (the vectorised forms then use it at any length). */
export function softplusTableReady(): boolean {
  return TABLE.length > 0;
}

/** Builds the table now (once). */
export function prepareSoftplusTable(): void {
  ensureTable();
}

function ensureTable(): void {
  if (TABLE.length === 0) buildTable();
}

/** What {@link softplusTableInto} computes itself, for y = βx: |y| ≤ 40 (NaN fails). */
export function softplusInTable(y: number): boolean {
  return Math.abs(y) <= SOFTPLUS_TABLE_MAX;
}

/**
 * Writes softplus_β(xs[i]) = (1/β)·log(1 + e^{β·xs[i]}) into out[i] for every i and returns out:
 * the table where |βx| ≤ 40, `scalar` for the rest (recorded as a first..last range, so a
 * stray huge input costs one scalar call, not a second pass).
 */
export function softplusTableInto(
  xs: Float64Array,
  out: Float64Array,
  beta: number,
  scalar: (x: number, beta: number) => number,
): Float64Array {
  ensureTable();
  const n = xs.length;
  let first = n;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const y = beta * xs[i]!;
    const t = Math.abs(y);
    let u = t;
    if (!(t <= SOFTPLUS_TABLE_MAX)) {
      if (first === n) first = i;
      last = i;
      u = 0;
    }
    const k = u * STEPS + SHIFTER - SHIFTER;
    const b = u - k * (1 / STEPS);
    // masked so the compiler knows the index range (no overflow checks on the offsets)
    const row = ((k | 0) & 2047) * WIDTH;
    const b2 = b * b;
    const poly =
      TABLE[row + 2]! +
      b * TABLE[row + 3]! +
      b2 * (TABLE[row + 4]! + b * TABLE[row + 5]!) +
      b2 * b2 * (TABLE[row + 6]! + b * TABLE[row + 7]! + b2 * TABLE[row + 8]!);
    const g = TABLE[row]! + (TABLE[row + 1]! + b * poly);
    // max(y, 0) without a branch: exact for |y| ≤ 40
    out[i] = ((y + t) * 0.5 + g) / beta;
  }
  // (the closures exist only when something needs fixing: no allocation per call otherwise)
  if (last >= 0)
    fixUpRange(
      xs,
      out,
      first,
      last,
      (x) => softplusInTable(beta * x),
      (x) => scalar(x, beta),
    );
  return out;
}

/** Row k (g hi, g lo, coefficients of b^1..b^7): exported for the tests. */
export function softplusTableRow(k: number): readonly number[] {
  ensureTable();
  return TABLE.slice(k * WIDTH, (k + 1) * WIDTH);
}
