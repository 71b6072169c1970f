/**
 * Shared by the kernel tests: a large input spread over [lo, hi) with rare values planted
 * in it, and the elements where a vectorised result disagrees with the scalar kernel.
 */
import { ulpDistance } from '../../src/lib/ulp.ts';

/** n inputs over [lo, hi) in a stride order, off the grid points, with `rare` at 3, 103, 203, … */
export function tableInputs(
  n: number,
  lo: number,
  hi: number,
  rare: readonly number[],
): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = lo + ((hi - lo) * ((i * 7919) % n)) / n + 1e-3 * Math.sin(i);
  rare.forEach((x, i) => (xs[100 * i + 3] = x));
  return xs;
}

/**
 * Elements where out[i] is more than `ulps` ULP (and more than `abs` absolutely) from scalar(x);
 * zeros, infinities and NaN must match exactly, sign of zero included.
 */
export function disagreements(
  xs: Float64Array,
  out: Float64Array,
  scalar: (x: number) => number,
  ulps: number,
  abs = 0,
): string[] {
  const far: string[] = [];
  xs.forEach((x, i) => {
    const exp = scalar(x);
    const got = out[i]!;
    const ok =
      Number.isFinite(exp) && exp !== 0
        ? ulpDistance(got, exp) <= ulps || Math.abs(got - exp) <= abs
        : Object.is(got, exp) || (Number.isNaN(got) && Number.isNaN(exp));
    if (!ok) far.push(`${x}: ${got} vs ${exp}`);
  });
  return far;
}

/** A seeded generator of doubles in [lo, hi) (xorshift; reproducible failures). */
export function uniform(seed: number, lo: number, hi: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return lo + ((hi - lo) * s) / 2 ** 32;
  };
}
