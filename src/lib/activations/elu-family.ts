/**
 * ELU and SELU: exponential on the negative side, linear on the positive side.
 *
 * The trap is e^x - 1 near 0, which cancels to a handful of correct bits; expm1 is exact in
 * relative terms there. At x = 0 the derivative returns the left-hand value α·e^0, as PyTorch's
 * `elu_backward` does (x ≤ 0 takes the exponential branch).
 */
import { expDDUp64, TWO_POW_M64 } from './double-double.ts';
import { param } from './shared.ts';
import type { ActivationMath, ParamSpec } from './types.ts';

/** ELU(x) = x for x > 0, α·expm1(x) otherwise; -∞ gives -α. */
export function eluValue(x: number, alpha: number): number {
  return x > 0 ? x : alpha * Math.expm1(x);
}

/** ELU'(x) = 1 for x > 0, α·e^x otherwise (α at 0, which is 1 at the default α). */
export function eluSlope(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}

/** SELU's λ (PyTorch's `scale`), rounded to double. */
export const SELU_SCALE = 1.0507009873554805;
/** SELU's α, rounded to double. */
export const SELU_ALPHA = 1.6732632423543772;
/**
 * λ·α rounded once from the exact decimal constants: 1.7580993408473768. The product of the
 * two rounded doubles is 1.7580993408473766, one ULP off, which the ULP budget would then carry.
 */
export const SELU_SCALE_ALPHA = 1.7580993408473768;

/** SELU(x) = λx for x > 0, λα·expm1(x) otherwise. */
export function seluValue(x: number): number {
  return x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * Math.expm1(x);
}

/**
 * SELU'(x) = λ for x > 0, λα·e^x otherwise (λα at 0). Below x = -700 e^x is near the
 * subnormal range, where multiplying a rounded subnormal by λα would double its error, so it is
 * formed 2^64 high.
 */
export function seluSlope(x: number): number {
  if (x > 0) return SELU_SCALE;
  if (x < -700) return x < -800 ? 0 : SELU_SCALE_ALPHA * expDDUp64(x, 0) * TWO_POW_M64;
  return SELU_SCALE_ALPHA * Math.exp(x);
}

/** ELU's α: the value the negative side saturates to is -α. */
const ALPHA: ParamSpec = {
  name: 'alpha',
  label: 'negative saturation',
  symbol: String.raw`\alpha`,
  default: 1,
  min: 0.1,
  max: 3,
  step: 0.1,
};

/** The exponential linear unit (Clevert et al., 2015). */
export const elu: ActivationMath = {
  id: 'elu',
  name: 'ELU',
  summary: 'Exponential linear unit: identity for x > 0, a smooth exponential floor at −α below.',
  params: [ALPHA],
  f: (x, p) => eluValue(x, param(p, 'alpha', 1)),
  df: (x, p) => eluSlope(x, param(p, 'alpha', 1)),
  latex: String.raw`\begin{cases} x & x > 0 \\ \alpha\,\bigl(e^{x} - 1\bigr) & x \le 0 \end{cases}`,
  dlatex: String.raw`\begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases}`,
  range: {
    min: -1,
    max: Infinity,
    minInclusive: false,
    maxInclusive: false,
    latex: String.raw`(-1, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'below',
    smoothness: 'C1',
    saturates: 'left',
    kinks: [],
    deadRegion: null,
    dfAtZero: 1,
  },
};

/** The scaled ELU (Klambauer et al., 2017), with fixed self-normalising constants. */
export const selu: ActivationMath = {
  id: 'selu',
  name: 'SELU',
  summary: 'Scaled ELU whose constants keep activations at zero mean and unit variance.',
  params: [],
  f: (x) => seluValue(x),
  df: (x) => seluSlope(x),
  latex: String.raw`\lambda \begin{cases} x & x > 0 \\ \alpha\,\bigl(e^{x} - 1\bigr) & x \le 0 \end{cases},\quad \lambda \approx 1.0507,\ \alpha \approx 1.6733`,
  dlatex: String.raw`\lambda \begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases}`,
  range: {
    min: -SELU_SCALE_ALPHA,
    max: Infinity,
    minInclusive: false,
    maxInclusive: false,
    latex: String.raw`(-\lambda\alpha, \infty) \approx (-1.7581, \infty)`,
  },
  properties: {
    zeroCentered: true,
    monotonic: true,
    bounded: 'below',
    smoothness: 'C0',
    saturates: 'left',
    kinks: [0],
    deadRegion: null,
    dfAtZero: SELU_SCALE_ALPHA,
  },
};
