/**
 * The piecewise "hard" approximations used on mobile networks (MobileNetV3): hard-sigmoid,
 * hard-tanh and hard-swish. Cheap and exact apart from one or two roundings, which are kept to
 * one by carrying x + 3 exactly.
 *
 * Derivatives at the breakpoints follow PyTorch's backward kernels: hard-sigmoid' is 0 at ±3,
 * hard-tanh' is 0 at ±1, hard-swish' is (2x + 3)/6 on the closed interval [-3, 3] (-1/2 at -3,
 * 3/2 at 3).
 */
import { divDD, HALVING_EXACT_MIN, halfRoundUp, twoProdErr, twoSumErr } from './double-double.ts';
import type { ActivationMath } from './types.ts';

/** hard-sigmoid(x) = relu6(x + 3)/6: 0 up to -3, (x + 3)/6, then 1 from 3. */
export function hardSigmoidValue(x: number): number {
  if (x <= -3) return 0;
  if (x >= 3) return 1;
  const s = x + 3;
  return divDD(s, twoSumErr(x, 3, s), 6, 0);
}

/** hard-sigmoid'(x) = 1/6 on (-3, 3), 0 elsewhere (including the breakpoints). */
export function hardSigmoidSlope(x: number): number {
  return x > -3 && x < 3 ? 1 / 6 : x === x ? 0 : x;
}

/** hard-tanh(x) = clamp(x, -1, 1). */
export function hardTanhValue(x: number): number {
  return x <= -1 ? -1 : x >= 1 ? 1 : x;
}

/** hard-tanh'(x) = 1 on (-1, 1), 0 elsewhere (including ±1). */
export function hardTanhSlope(x: number): number {
  return x > -1 && x < 1 ? 1 : x === x ? 0 : x;
}

/** hard-swish(x) = x·relu6(x + 3)/6: 0 up to -3, x(x + 3)/6, then x from 3. */
export function hardSwishValue(x: number): number {
  if (x <= -3) return 0;
  if (x >= 3) return x;
  if (Math.abs(x) < HALVING_EXACT_MIN) return halfRoundUp(x);
  const sh = x + 3;
  const sl = twoSumErr(x, 3, sh);
  const ph = x * sh;
  return divDD(ph, twoProdErr(x, sh, ph) + x * sl, 6, 0);
}

/** hard-swish'(x) = 0 below -3, (2x + 3)/6 on [-3, 3], 1 above 3. */
export function hardSwishSlope(x: number): number {
  if (x < -3) return 0;
  if (x <= 3) {
    const s = 2 * x + 3;
    return divDD(s, twoSumErr(2 * x, 3, s), 6, 0);
  }
  return x > 3 ? 1 : x;
}

/** Hard sigmoid: PyTorch's `Hardsigmoid`, a three-piece linear sigmoid. */
export const hardSigmoid: ActivationMath = {
  id: 'hard-sigmoid',
  name: 'Hard sigmoid',
  summary: 'A piecewise-linear sigmoid: 0 below −3, 1 above 3, a straight line between.',
  params: [],
  f: (x) => hardSigmoidValue(x),
  df: (x) => hardSigmoidSlope(x),
  latex: String.raw`\begin{cases} 0 & x \le -3 \\ \frac{x + 3}{6} & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}`,
  dlatex: String.raw`\begin{cases} \frac{1}{6} & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}`,
  range: { min: 0, max: 1, minInclusive: true, maxInclusive: true, latex: '[0, 1]' },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'both',
    smoothness: 'C0',
    saturates: 'both',
    kinks: [-3, 3],
    deadRegion: '|x| > 3',
    dfAtZero: 1 / 6,
  },
};

/** Hard tanh: the identity clipped to [-1, 1]. */
export const hardTanh: ActivationMath = {
  id: 'hard-tanh',
  name: 'Hard tanh',
  summary: 'The identity clipped to [−1, 1]: a piecewise-linear tanh.',
  params: [],
  f: (x) => hardTanhValue(x),
  df: (x) => hardTanhSlope(x),
  latex: String.raw`\begin{cases} -1 & x \le -1 \\ x & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}`,
  dlatex: String.raw`\begin{cases} 1 & -1 < x < 1 \\ 0 & \text{otherwise} \end{cases}`,
  range: { min: -1, max: 1, minInclusive: true, maxInclusive: true, latex: '[-1, 1]' },
  properties: {
    zeroCentered: true,
    monotonic: true,
    bounded: 'both',
    smoothness: 'C0',
    saturates: 'both',
    kinks: [-1, 1],
    deadRegion: '|x| > 1',
    dfAtZero: 1,
  },
};

/** Hard swish (Howard et al., 2019): SiLU with the sigmoid replaced by hard-sigmoid. */
export const hardSwish: ActivationMath = {
  id: 'hard-swish',
  name: 'Hard swish',
  summary: 'x times hard-sigmoid(x): a cheap piecewise-quadratic SiLU from MobileNetV3.',
  params: [],
  f: (x) => hardSwishValue(x),
  df: (x) => hardSwishSlope(x),
  latex: String.raw`\begin{cases} 0 & x \le -3 \\ \frac{x\,(x + 3)}{6} & -3 < x < 3 \\ x & x \ge 3 \end{cases}`,
  dlatex: String.raw`\begin{cases} 0 & x < -3 \\ \frac{2x + 3}{6} & -3 \le x \le 3 \\ 1 & x > 3 \end{cases}`,
  range: {
    min: -0.375,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[-0.375, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: false,
    bounded: 'below',
    smoothness: 'C0',
    saturates: 'left',
    kinks: [-3, 3],
    deadRegion: 'x < −3',
    dfAtZero: 0.5,
  },
};
