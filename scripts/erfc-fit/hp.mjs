// High-precision helpers for the erfc tail fit (decimal.js).
import DecimalBase from 'decimal.js';
export const D = DecimalBase.clone({
  precision: 90,
  minE: -9e15,
  maxE: 9e15,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
const buf = new DataView(new ArrayBuffer(8));
export function exact(x) {
  // exact decimal value of a double
  if (x === 0 || !Number.isFinite(x)) return new D(x);
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0),
    lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1 : 1;
  const ex = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e;
  if (ex === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = ex - 1075;
  }
  return new D(mant.toString()).times(new D(2).pow(e)).times(sign);
}
export const PI = D.acos(-1);
export const SQRT2PI = PI.times(2).sqrt();
// Upper normal tail Q(z) for z >= 0
export function Q(z) {
  z = new D(z);
  if (z.isNeg()) return new D(1).minus(Q(z.neg()));
  if (z.lt(9)) {
    const z2 = z.times(z);
    let term = z,
      sum = z;
    for (let n = 0; ; n++) {
      term = term.times(z2).div(2 * n + 3);
      sum = sum.plus(term);
      if (term.lte(sum.times('1e-95'))) break;
    }
    const phi = z2.div(-2).exp().div(SQRT2PI);
    return new D(0.5).minus(phi.times(sum));
  }
  return phi(z).times(mills(z));
}
export function sexp(v) {
  v = new D(v);
  if (v.lt(-1e6)) return new D(0);
  if (v.gt(1e6)) return new D(Infinity);
  return v.exp();
}
export function phi(z) {
  z = new D(z);
  return sexp(z.times(z).div(-2)).div(SQRT2PI);
}
// Mills ratio M(z) = Q(z)/phi(z) via continued fraction (z >= 9) or series
export function mills(z) {
  z = new D(z);
  if (z.lt(9)) return Q(z).div(phi(z));
  let t = new D(0);
  const N = 600;
  for (let k = N; k >= 1; k--) t = new D(k).div(z.plus(t));
  return new D(1).div(z.plus(t));
}
// G(z) = z * M(z) / sqrt(2 pi)
export function G(z) {
  z = new D(z);
  return z.times(mills(z)).div(SQRT2PI);
}
export function toNum(d) {
  return Number(d.toPrecision(40));
}
// ulp of the double nearest to d
export function ulpOf(r) {
  const a = Math.abs(r);
  if (a < 2.2250738585072014e-308) return 5e-324;
  if (!Number.isFinite(a)) return Infinity;
  const e = Math.floor(Math.log2(a));
  let u = Math.pow(2, e - 52);
  if (Math.pow(2, e) > a) u /= 2; // log2 rounding fix
  if (Math.pow(2, e + 1) <= a) u *= 2;
  return u;
}
export function ulpErr(computed, refD) {
  const r = toNum(refD);
  if (Number.isNaN(computed)) return Number.isNaN(r) ? 0 : Infinity;
  if (computed === r) return 0;
  if (!Number.isFinite(computed) || !Number.isFinite(r)) return Infinity;
  const u = ulpOf(r);
  return toNum(exact(computed).minus(refD).abs()) / u;
}
