/**
 * The loop helpers every vectorised kernel shares: the length guard, the second pass that hands
 * rare inputs (tails, ±Infinity, NaN) to the scalar function, and the short-input rule of the
 * table kernels. The pattern they serve: one branch-free loop over the whole array that flags
 * what it cannot do, then a fix-up pass over the flagged elements only.
 */

/**
 * Throws unless `out` can hold one result per input. Called once per vectorised call, so the
 * element loops stay branch-free; a short `out` would otherwise drop results silently.
 */
export function checkLengths(xs: Float64Array, out: Float64Array): void {
  if (out.length < xs.length) {
    throw new RangeError(`output length ${out.length} is shorter than input length ${xs.length}`);
  }
}

/**
 * The second pass of a vectorised kernel: recomputes with the scalar kernel `f` every element
 * for which `fast` is false (tails, ±Infinity, NaN), which the fast loop flagged and filled
 * with a placeholder. Kept out of the fast loop so that loop makes no calls and takes no
 * data-dependent branch. The loop must flag with the same `fast` predicate.
 */
export function fixUp(
  xs: Float64Array,
  out: Float64Array,
  fast: (x: number) => boolean,
  f: (x: number) => number,
): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!fast(x)) out[i] = f(x);
  }
}

/**
 * Shortest input for which a table kernel (gelu-table.ts, softplus-table.ts, gelu-tanh-table.ts,
 * sigmoid-table.ts, elu-table.ts) builds its table: 3-30 ms depending on how warm the JIT is, which only pays off over hundreds
 * of thousands of elements; a plot's 401 samples would pay it on the main thread. Until the table
 * exists (a long input or the record's `prepare()` builds it), shorter inputs go through the
 * scalar kernel; both paths meet the same ULP contract.
 */
export const TABLE_MIN_LENGTH = 2048;

/** out[i] = f(xs[i]) for every i: the vectorised form's short-input path. */
export function scalarInto(xs: Float64Array, out: Float64Array, f: (x: number) => number): void {
  for (let i = 0, n = xs.length; i < n; i++) out[i] = f(xs[i]!);
}

/**
 * The table kernels' second pass: recomputes with the scalar kernel `f` every element of
 * xs[first..last] for which `inTable` is false (the loop recorded the first and last of them),
 * so a stray zero or huge input costs one scalar call rather than a pass over the whole array.
 */
export function fixUpRange(
  xs: Float64Array,
  out: Float64Array,
  first: number,
  last: number,
  inTable: (x: number) => boolean,
  f: (x: number) => number,
): void {
  for (let i = first; i <= last; i++) {
    const x = xs[i]!;
    if (!inTable(x)) out[i] = f(x);
  }
}
