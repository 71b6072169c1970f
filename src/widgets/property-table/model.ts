/**
 * The property table's derived cells, as pure functions of a registry record. The slope at 0 is
 * the one that needs care: where a function has a kink at 0, `df(0)` returns one of the two
 * one-sided slopes by convention (types.ts), and printing that value alone would present a
 * convention as the derivative. So the table prints both one-sided slopes there, and says that
 * the derivative does not exist at a jump.
 */
import type { Activation } from '../../lib/activations/types.ts';

/** f'(0): one value where f is differentiable at 0, the two one-sided slopes where it is not. */
export type SlopeAtZero =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'kink' | 'jump'; readonly left: number; readonly right: number };

/**
 * The slope at 0 of `a` at its default parameters. One-sided slopes are read from `df` at the
 * smallest doubles either side of 0 (±5e-324): every function here is given by one formula on
 * each side of a kink, so the slope there is that formula's value at 0.
 */
export function slopeAtZero(a: Activation): SlopeAtZero {
  const p = a.properties;
  if (!p.kinks.includes(0)) return { kind: 'value', value: p.dfAtZero };
  return {
    kind: p.smoothness === 'discontinuous' ? 'jump' : 'kink',
    left: a.df(-Number.MIN_VALUE),
    right: a.df(Number.MIN_VALUE),
  };
}

/** A number as the table prints it: integers as they are, others to 4 significant digits. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString();
}

/** The f'(0) cell: `0.25`, `undefined (kink): 0 left, 1 right`, or `undefined (jump)`. */
export function formatSlopeAtZero(s: SlopeAtZero): string {
  if (s.kind === 'value') return formatNumber(s.value);
  // At a jump the function itself is discontinuous, so its one-sided slopes (0 for the step) say
  // nothing about a derivative at 0; the table says only that there is none.
  if (s.kind === 'jump') return 'undefined (jump)';
  return `undefined (kink): ${formatNumber(s.left)} left, ${formatNumber(s.right)} right`;
}
