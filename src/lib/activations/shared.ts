/**
 * Small helpers shared by the activation records: parameter lookup and the stable logistic
 * function several records build on.
 */
import { divDD, twoSumErr } from './double-double.ts';
import type { Params } from './types.ts';

/** The value of parameter `name`, or `fallback` (the PyTorch default) when it is absent. */
export function param(params: Params | undefined, name: string, fallback: number): number {
  return params?.[name] ?? fallback;
}

/**
 * The logistic function σ(x) = 1/(1 + e^{-x}) in its symmetric form: e = exp(-|x|) never
 * overflows, and for x < 0 the result e/(1 + e) keeps full relative accuracy down to the
 * subnormals, where 1 - 1/(1 + e^{-x}) would cancel to 0. ±Infinity give 1 and 0. The
 * denominator 1 + e is kept exact (double-double), saving one rounding.
 */
export function logistic(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    const d = 1 + e;
    return divDD(1, 0, d, twoSumErr(1, e, d));
  }
  const e = Math.exp(x);
  const d = 1 + e;
  return divDD(e, 0, d, twoSumErr(1, e, d));
}
