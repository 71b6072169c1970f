/**
 * An inlinable exp for the vectorised kernels (fInto / dfInto).
 *
 * Why: V8's Math.exp is an out-of-line call into fdlibm (~5 ns); the loops over whole layer
 * buffers spend most of their time there. It is short enough for TurboFan to inline.
 *
 * Method (Tang's table-driven exp): y = (128k + j)·ln2/128 + r with |r| ≤ ln2/256 (Cody–Waite,
 * ln2/128 split hi/lo so n·hi is exact), then exp(y) = 2^k · 2^(j/128) · (1 + p(r)) with p the
 * degree-5 Taylor polynomial of expm1 (truncation below 2^-60 relative) and 2^(j/128) stored as a
 * double-double. The result carries one final rounding plus ~2^-59: within 0.51 ULP.
 *
 * Domain: {@link expFast} for -708 ≤ y ≤ 708 (2^k stays a normal number); callers branch to the
 * scalar kernels (Math.exp-based, with their subnormal and overflow handling) outside it, and for
 * NaN.
 */

/** 1.5·2^52: adding it rounds a double below 2^51 to the nearest integer (the shifter trick). */
const SHIFTER = 6755399441055744;
/** 128/ln 2. */
const INV_LN2_128 = 184.6649652337873;
/** ln 2 as a double-double. */
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
/** ln2/128 split so that n·hi is exact for |n| < 2^17 (hi has 35 significant bits). */
const LN2_128_HI = Math.round((LN2_HI / 128) * 2 ** 42) / 2 ** 42;
const LN2_128_LO = LN2_HI / 128 - LN2_128_HI + LN2_LO / 128;

/**
 * One table: 2^(j/128) for j = 0..127 as hi + lo at 2j, 2j + 1 (hi correctly rounded, lo its
 * error to ~2^-97), then 2^k for k = -1022..1023 at index k + POW2_OFFSET. A plain array of
 * doubles (PACKED_DOUBLE_ELEMENTS), filled once and never resized: its loads skip the
 * detached-buffer checks of a typed array, measurably faster in the kernels' loops.
 */
const TABLE: number[] = [];
for (let i = 0; i < 256 + 2046; i++) TABLE.push(0.5); // pushed, not `new Array(n)`: packed, not holey
const POW2_OFFSET = 256 + 1022;

/** Exact a·b - fl(a·b) (Dekker; local copy so this module has no imports). */
function prodErr(a: number, b: number, p: number): number {
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

{
  // c = 2^(1/128) as a double-double
  const [ch, cl] = rootOfTwo(7);
  // T_j = c^j by double-double products (error after 127 steps ~2^-97 relative).
  let th = 1;
  let tl = 0;
  for (let j = 0; j < 128; j++) {
    TABLE[2 * j] = th;
    TABLE[2 * j + 1] = tl;
    const p = th * ch;
    const pl = prodErr(th, ch, p) + th * cl + tl * ch;
    th = p + pl;
    tl = pl - (th - p);
  }
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) TABLE[k + POW2_OFFSET] = v;
  v = 0.5;
  for (let k = -1; k >= -1022; k--, v *= 0.5) TABLE[k + POW2_OFFSET] = v;
}

/** exp(y) for -708 ≤ y ≤ 708, within 0.51 ULP. Undefined (not NaN-safe) outside that range. */
export function expFast(y: number): number {
  const n = y * INV_LN2_128 + SHIFTER - SHIFTER;
  const r = y - n * LN2_128_HI - n * LN2_128_LO;
  const ni = n | 0;
  const j = (ni & 127) << 1;
  const th = TABLE[j]!;
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
  // 2^k·T (exact) formed while p is evaluated; lo·p (< 2^-61 relative) is dropped
  const s = TABLE[(ni >> 7) + POW2_OFFSET]!;
  const sth = s * th;
  return sth + (sth * p + s * TABLE[j + 1]!);
}

/**
 * e^a for |a| ≤ 1/2, the exp of the table kernels for GELU and GELU-tanh (gelu-table.ts,
 * gelu-tanh-table.ts), whose arguments are small products of a grid point and an offset. No 2^k
 * scaling and no Cody–Waite split: a = j/4096 + r with r = a − j/4096 exact (Sterbenz), then
 * e^a = e^{j/4096}·(1 + p(r)), |r| ≤ 2^-13, p the cubic Taylor polynomial of expm1 (truncation
 * below 2^-56). The table holds e^{j/4096} rounded to double, without a low part: within 1 ULP,
 * and a load and an addition cheaper (GELU's final error stays within 2 ULP in the tests).
 * Call {@link prepareExpNear0} once first.
 */
export function expNear0(a: number): number {
  const j = a * NEAR0_STEPS + SHIFTER - SHIFTER;
  const r = a - j * (1 / NEAR0_STEPS);
  const t = NEAR0[((j | 0) + NEAR0_HALF) & 8191]!;
  return t + t * (r + r * r * (0.5 + r * (1 / 6)));
}

/** Grid of {@link expNear0}'s table: e^{j/4096} for j = -2048..2048 at index j + 2048. */
const NEAR0_STEPS = 4096;
const NEAR0_HALF = 2048;
const NEAR0: number[] = [];

/** Builds {@link expNear0}'s table (once; about 0.5 ms): its callers run this before their loops. */
export function prepareExpNear0(): void {
  if (NEAR0.length > 0) return;
  // e^{1/4096} in double-double by its Taylor series (terms below 2^-110 by k = 8)
  let sh = 1;
  let sl = 0;
  let term = 1;
  let termLo = 0;
  for (let k = 1; k < 14; k++) {
    // term /= 4096k, kept as a double-double
    const d = NEAR0_STEPS * k;
    const q = term / d;
    const rem = (term - q * d - prodErr(q, d, q * d) + termLo) / d;
    term = q + rem;
    termLo = rem - (term - q);
    const s = sh + term;
    const bb = s - sh;
    const e = sh - (s - bb) + (term - bb) + sl + termLo;
    sh = s + e;
    sl = e - (sh - s);
  }
  // e^{-1/4096} is its reciprocal; powers go outward from e^0 = 1 (error ~2048·2^-104)
  const inv = 1 / sh;
  const invLo = (1 - inv * sh - prodErr(inv, sh, inv * sh) - inv * sl) / sh;
  const up: number[] = [1, 0];
  const down: number[] = [1, 0];
  for (let i = 0; i <= 2 * NEAR0_HALF; i++) NEAR0.push(1);
  for (let j = 1; j <= NEAR0_HALF; j++) {
    ddMulInto(up, sh, sl);
    ddMulInto(down, inv, invLo);
    NEAR0[NEAR0_HALF + j] = up[0]! + up[1]!;
    NEAR0[NEAR0_HALF - j] = down[0]! + down[1]!;
  }
}

/** 2^(2^-halvings) as a double-double: `halvings` double-double square roots of 2 (init only). */
function rootOfTwo(halvings: number): [number, number] {
  let ch = 2;
  let cl = 0;
  for (let i = 0; i < halvings; i++) {
    const q = Math.sqrt(ch);
    const sq = q * q;
    const ql = (ch - sq - prodErr(q, q, sq) + cl) / (2 * q);
    ch = q + ql;
    cl = ql - (ch - q);
  }
  return [ch, cl];
}

/** v ← v·(bh + bl) in double-double (init only). */
function ddMulInto(v: number[], bh: number, bl: number): void {
  const p = v[0]! * bh;
  const e = prodErr(v[0]!, bh, p) + v[0]! * bl + v[1]! * bh;
  v[0] = p + e;
  v[1] = e - (v[0]! - p);
}
