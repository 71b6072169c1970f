/**
 * ReLU and its leaky variants. Piecewise linear, so exact in floating point apart from the one
 * rounding of slope·x. Comparisons are written so that NaN falls through to NaN rather than to
 * a branch value (`NaN > 0` and `NaN <= 0` are both false).
 *
 * Derivative at the kink x = 0 follows PyTorch's autograd: the left-hand value
 * (relu'(0) = 0, leaky'(0) = slope, prelu'(0) = a).
 */
import { param } from './shared.ts';
import type { ActivationMath, Params, ParamSpec } from './types.ts';

/** ReLU(x) = max(0, x); NaN stays NaN and -0 becomes 0. */
export function reluValue(x: number): number {
  return x > 0 ? x : x <= 0 ? 0 : x;
}

/** ReLU'(x): 1 for x > 0, 0 for x ≤ 0 (PyTorch's choice at 0). */
export function reluSlope(x: number): number {
  return x > 0 ? 1 : x <= 0 ? 0 : x;
}

/** x for x > 0, slope·x otherwise (leaky ReLU and PReLU). */
export function leakyValue(x: number, slope: number): number {
  return x > 0 ? x : slope * x;
}

/** 1 for x > 0, slope for x ≤ 0 (the left-hand value at 0). */
export function leakySlope(x: number, slope: number): number {
  return x > 0 ? 1 : x <= 0 ? slope : x;
}

/** The rectified linear unit. */
export const relu: ActivationMath = {
  id: 'relu',
  name: 'ReLU',
  summary: 'Rectified linear unit: passes positive inputs unchanged and zeroes the rest.',
  params: [],
  f: (x) => reluValue(x),
  df: (x) => reluSlope(x),
  latex: String.raw`\max(0, x)`,
  dlatex: String.raw`\begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}`,
  range: {
    min: 0,
    max: Infinity,
    minInclusive: true,
    maxInclusive: false,
    latex: String.raw`[0, \infty)`,
  },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'below',
    smoothness: 'C0',
    saturates: 'left',
    kinks: [0],
    deadRegion: 'x < 0',
    dfAtZero: 0,
  },
};

/** Leaky ReLU's negative slope (PyTorch's `negative_slope`). */
const SLOPE: ParamSpec = {
  name: 'slope',
  label: 'negative slope',
  symbol: String.raw`\alpha`,
  default: 0.01,
  min: 0,
  max: 0.5,
  step: 0.01,
};

/**
 * A ReLU with slope `spec` below zero: Leaky ReLU (fixed slope) and PReLU (learned slope) differ
 * only in the parameter's name, default and whether training may change it.
 */
function slopedRelu(
  id: 'leaky-relu' | 'prelu',
  name: string,
  summary: string,
  spec: ParamSpec,
): ActivationMath {
  const slopeOf = (p: Params | undefined): number => param(p, spec.name, spec.default);
  const s = spec.symbol;
  return {
    id,
    name,
    summary,
    params: [spec],
    f: (x, p) => leakyValue(x, slopeOf(p)),
    df: (x, p) => leakySlope(x, slopeOf(p)),
    latex: String.raw`\begin{cases} x & x > 0 \\ ${s} x & x \le 0 \end{cases}`,
    dlatex: String.raw`\begin{cases} 1 & x > 0 \\ ${s} & x \le 0 \end{cases}`,
    range: {
      min: -Infinity,
      max: Infinity,
      minInclusive: false,
      maxInclusive: false,
      latex: String.raw`(-\infty, \infty)`,
    },
    properties: {
      zeroCentered: false,
      monotonic: true,
      bounded: 'none',
      smoothness: 'C0',
      saturates: 'none',
      kinks: [0],
      deadRegion: null,
      dfAtZero: spec.default,
    },
  };
}

/** Leaky ReLU: a small fixed slope for negative inputs, so no unit is ever fully dead. */
export const leakyRelu: ActivationMath = slopedRelu(
  'leaky-relu',
  'Leaky ReLU',
  'ReLU with a small fixed slope for negative inputs, so gradients never vanish entirely.',
  SLOPE,
);

/** PReLU's slope, learned per channel in PyTorch (`init=0.25`); here one shared value. */
const A: ParamSpec = {
  name: 'a',
  label: 'learnable negative slope',
  symbol: 'a',
  default: 0.25,
  min: -0.5,
  max: 1,
  step: 0.01,
  learnable: true,
};

/** Parametric ReLU: leaky ReLU whose negative slope is trained with the weights. */
export const prelu: ActivationMath = slopedRelu(
  'prelu',
  'PReLU',
  'Parametric ReLU: the negative slope is a parameter learned by gradient descent.',
  A,
);
