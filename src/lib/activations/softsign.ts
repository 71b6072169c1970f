/**
 * Softsign, x/(1 + |x|): tanh's algebraic cousin, approaching ±1 polynomially, not exponentially.
 *
 * Its derivative 1/(1 + |x|)² overflows the square for |x| > 1.3e154 and returns 0 where the
 * true value is still a normal or subnormal number; squaring the reciprocal keeps the range.
 */
import { divDD, twoProdErr, twoSumErr } from './double-double.ts';
import type { ActivationMath } from './types.ts';

/** From 2^54 on, 1 + |x| and the rounded results no longer depend on the 1. */
const HUGE = 18014398509481984;

/** softsign(x) = x/(1 + |x|), with the denominator kept exact; ±∞ give ±1. */
export function softsignValue(x: number): number {
  const ax = Math.abs(x);
  if (ax >= HUGE) return x > 0 ? 1 : -1;
  if (ax === 0) return x;
  const d = 1 + ax;
  return divDD(x, 0, d, twoSumErr(1, ax, d));
}

/** softsign'(x) = 1/(1 + |x|)², as r·r with r = 1/|x| for huge |x| so nothing overflows. */
export function softsignSlope(x: number): number {
  const ax = Math.abs(x);
  if (ax >= HUGE) {
    const r = 1 / ax;
    return r * r;
  }
  const d = 1 + ax;
  const dl = twoSumErr(1, ax, d);
  const d2 = d * d;
  return divDD(1, 0, d2, twoProdErr(d, d, d2) + 2 * d * dl);
}

/** Softsign (Bergstra et al., 2009). */
export const softsign: ActivationMath = {
  id: 'softsign',
  name: 'Softsign',
  summary:
    'x/(1 + |x|): a zero-centred squashing function with polynomial, not exponential, tails.',
  params: [],
  f: (x) => softsignValue(x),
  df: (x) => softsignSlope(x),
  latex: String.raw`\frac{x}{1 + |x|}`,
  dlatex: String.raw`\frac{1}{(1 + |x|)^{2}}`,
  range: { min: -1, max: 1, minInclusive: false, maxInclusive: false, latex: '(-1, 1)' },
  properties: {
    zeroCentered: true,
    monotonic: true,
    bounded: 'both',
    smoothness: 'C1',
    saturates: 'both',
    kinks: [],
    deadRegion: null,
    dfAtZero: 1,
  },
};
