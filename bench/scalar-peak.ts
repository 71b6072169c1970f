/**
 * The machine's scalar peak, the yardstick the engine benchmarks express GFLOP/s against: a
 * four-accumulator Float64Array dot product of 2,048 doubles (held in L1), 2 FLOP per element.
 * One definition for bench/training.ts and bench/digits-side.ts.
 */
export const PEAK_N = 2048;

/** The two vectors the dot product reads (values near 1, so the sum stays finite). */
export function peakVectors(): [Float64Array, Float64Array] {
  return [
    Float64Array.from({ length: PEAK_N }, (_, i) => 1 + i * 1e-6),
    Float64Array.from({ length: PEAK_N }, (_, i) => 1 - i * 1e-6),
  ];
}

/** Σ a[i]·b[i] over the first PEAK_N elements, in four independent accumulators. */
export function dot4(a: Float64Array, b: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < PEAK_N; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  return s0 + s1 + s2 + s3;
}
