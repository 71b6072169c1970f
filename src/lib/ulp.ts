/**
 * ULP (unit in the last place) helpers for IEEE-754 doubles.
 *
 * Every double is mapped to a point on a monotonic integer line: +0 and -0 both map to 0, the
 * positive doubles to 1, 2, ... in increasing order (the smallest subnormal is 1, +Infinity is
 * one past Number.MAX_VALUE), the negative doubles to the mirror image. The ULP distance between
 * two doubles is the difference of their points: the number of representable doubles you step
 * over going from one to the other (so adjacent doubles are 1 apart, and MAX_VALUE is 1 ULP from
 * Infinity, as nextUp(MAX_VALUE) is Infinity in IEEE-754).
 */

const view = new DataView(new ArrayBuffer(8));
const SIGN_BIT = 0x8000000000000000n;

/** The position of `x` on the monotonic integer line (x must not be NaN). */
export function orderedBits(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  return (bits & SIGN_BIT) === 0n ? bits : -(bits & ~SIGN_BIT);
}

/** The double at position `n` of the monotonic integer line (inverse of {@link orderedBits}). */
export function fromOrderedBits(n: bigint): number {
  view.setBigUint64(0, n >= 0n ? n : -n | SIGN_BIT);
  return view.getFloat64(0);
}

/**
 * Number of representable doubles between `a` and `b`: 0 when they are the same double (+0 and
 * -0 count as the same), 1 for neighbours. NaN is 0 ULP from NaN and Infinity ULP from anything
 * else. The result is exact up to 2^53 and a huge finite number above that.
 */
export function ulpDistance(a: number, b: number): number {
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN && bNaN ? 0 : Infinity;
  const d = orderedBits(a) - orderedBits(b);
  return Number(d < 0n ? -d : d);
}

/** The next double above x (nextUp); -0 and +0 both step to the smallest positive subnormal. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  return fromOrderedBits(orderedBits(x) + 1n);
}

/** The next double below x (nextDown). */
export function nextDown(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return x;
  return fromOrderedBits(orderedBits(x) - 1n);
}

/** The double `n` steps from x along the monotonic line (negative n steps down). */
export function stepUlps(x: number, n: number): number {
  return fromOrderedBits(orderedBits(x) + BigInt(n));
}
