/**
 * The two degenerate ends of the family: the identity (no activation at all; stacked linear
 * layers collapse into one) and the Heaviside step of the original perceptron.
 */
import type { ActivationMath } from './types.ts';

/** The identity; df is 1 (NaN for NaN). */
export function linearSlope(x: number): number {
  return x === x ? 1 : x;
}

/** Heaviside step: 1 for x ≥ 0 (so step(0) = 1), 0 for x < 0, NaN for NaN. */
export function stepValue(x: number): number {
  return x >= 0 ? 1 : x < 0 ? 0 : x;
}

/**
 * The step's derivative as returned: 0 everywhere. The true derivative is a Dirac delta at 0,
 * which carries no usable gradient; that is why Rosenblatt's perceptron rule, not gradient
 * descent, trained step units.
 */
export function stepSlope(x: number): number {
  return x === x ? 0 : x;
}

/** The identity function: what a layer computes with no activation. */
export const linear: ActivationMath = {
  id: 'linear',
  name: 'Linear (identity)',
  summary: 'No activation: f(x) = x, so a stack of layers stays one linear map.',
  params: [],
  f: (x) => x,
  df: (x) => linearSlope(x),
  latex: 'x',
  dlatex: '1',
  range: {
    min: -Infinity,
    max: Infinity,
    minInclusive: false,
    maxInclusive: false,
    latex: String.raw`(-\infty, \infty)`,
  },
  properties: {
    zeroCentered: true,
    monotonic: true,
    bounded: 'none',
    smoothness: 'Cinf',
    saturates: 'none',
    kinks: [],
    deadRegion: null,
    dfAtZero: 1,
  },
};

/** The Heaviside step of the perceptron. */
export const step: ActivationMath = {
  id: 'step',
  name: 'Step (Heaviside)',
  summary:
    'The perceptron’s threshold: 1 for x ≥ 0, else 0. Its gradient is zero almost everywhere.',
  params: [],
  f: (x) => stepValue(x),
  df: (x) => stepSlope(x),
  latex: String.raw`\begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}`,
  dlatex: String.raw`0 \quad (x \ne 0;\ \text{a Dirac delta at } x = 0)`,
  range: { min: 0, max: 1, minInclusive: true, maxInclusive: true, latex: String.raw`\{0, 1\}` },
  properties: {
    zeroCentered: false,
    monotonic: true,
    bounded: 'both',
    smoothness: 'discontinuous',
    saturates: 'both',
    kinks: [0],
    deadRegion: 'x ≠ 0',
    dfAtZero: 0,
  },
};
