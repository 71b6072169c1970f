/**
 * tanh is a scaled and shifted sigmoid: tanh(x) = 2 sigma(2x) - 1. The morph
 * g_t(x) = (1 + t) sigma((1 + t) x) - t walks from sigma (t = 0) to that form (t = 1), and the
 * residual tanh(x) - (2 sigma(2x) - 1), computed in doubles, shows the two agree to rounding.
 */
import * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import { curvePlotOptions, type CurveSeries } from '../../lib/plots/curves.ts';
import { dotPathMark } from '../../lib/plots/dot-path.ts';
import type { CsvTable } from '../shared/csv.ts';
import { numberChoices, numberOf, type UrlCodec } from '../shared/url-codec.ts';

/** The widget's state. */
export interface IdentityState {
  /** Morph position in [0, 1]: 0 is the plain sigmoid, 1 is 2 sigma(2x) - 1. */
  readonly t: number;
  readonly halfRange: number;
}

/** Half-widths the x-range picker offers. */
export const identityZoomLevels = [2, 4, 8, 16] as const;

const samples = 401;

function grid(halfRange: number): Float64Array {
  const xs = new Float64Array(samples);
  for (let i = 0; i < samples; i++) xs[i] = -halfRange + (2 * halfRange * i) / (samples - 1);
  return xs;
}

/** g_t(x) = (1 + t) sigma((1 + t) x) - t. */
export function morph(x: number, t: number): number {
  return (1 + t) * getActivation('sigmoid').f((1 + t) * x) - t;
}

/** tanh(x) - (2 sigma(2x) - 1) in double precision. */
export function residual(x: number): number {
  return getActivation('tanh').f(x) - (2 * getActivation('sigmoid').f(2 * x) - 1);
}

/** The two curves: tanh and the morphed sigmoid. */
export function identitySeries(state: IdentityState): CurveSeries[] {
  const xs = grid(state.halfRange);
  const tanh = new Float64Array(samples);
  getActivation('tanh').fInto(xs, tanh);
  const g = xs.map((x) => morph(x, state.t));
  return [
    { key: 'tanh', label: 'tanh(x)', color: 'var(--curve-1)', xs, ys: tanh },
    { key: 'morph', label: 'scaled sigmoid', color: 'var(--curve-2)', dashed: true, xs, ys: g },
  ];
}

/** Main figure: tanh against the morphed sigmoid. */
export function identityPlotOptions(
  state: IdentityState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  return curvePlotOptions({
    series: identitySeries(state),
    xDomain: [-state.halfRange, state.halfRange],
    yDomain: [-1.1, 1.1],
    width,
    height: Math.round(Math.min(340, Math.max(220, width * 0.5))),
    className: `af-plot-${figureId}`,
    description: `tanh(x) and ${(1 + state.t).toFixed(2)} sigma(${(1 + state.t).toFixed(2)} x) - ${state.t.toFixed(2)}.`,
  });
}

/** Residual figure, in units of 2^-53 (half an ULP of 1): rounding-level noise, nothing more. */
export function residualPlotOptions(
  state: IdentityState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const xs = grid(state.halfRange);
  const unit = Math.pow(2, -53);
  const rows = Array.from(xs, (x) => ({ x, r: residual(x) / unit }));
  return {
    width,
    height: 150,
    className: `af-plot-${figureId}-residual`,
    ariaDescription: 'Residual tanh(x) - (2 sigma(2x) - 1) in units of 2^-53.',
    style: { background: 'transparent', overflow: 'visible' },
    x: { domain: [-state.halfRange, state.halfRange], label: 'x', grid: true },
    y: {
      label: 'residual / 2⁻⁵³',
      grid: true,
      nice: true,
      domain: [Math.min(0, ...rows.map((d) => d.r)), Math.max(0, ...rows.map((d) => d.r))],
    },
    // The 401 points are one path (src/lib/plots/dot-path.ts), so the y domain is given here.
    marks: [
      Plot.ruleY([0], { stroke: 'var(--axis)' }),
      dotPathMark(
        rows.map((d) => ({ x: d.x, y: d.r })),
        1.5,
        { fill: 'var(--curve-3)' },
      ),
    ],
  };
}

/** Largest |residual| over the plotted range, in units of 2^-53. */
export function maxResidual(state: IdentityState): number {
  let worst = 0;
  for (const x of grid(state.halfRange)) worst = Math.max(worst, Math.abs(residual(x)));
  return worst / Math.pow(2, -53);
}

/** URL parameters: the morph position `t` and the x `range`. */
export const identityUrl: UrlCodec<IdentityState> = {
  table(initial) {
    return {
      t: { kind: 'number', min: 0, max: 1, default: initial.t },
      range: {
        kind: 'enum',
        values: numberChoices(identityZoomLevels, initial.halfRange),
        default: String(initial.halfRange),
      },
    };
  },
  encode: (state) => ({ t: state.t, range: String(state.halfRange) }),
  decode: (values) => ({ t: numberOf(values, 't'), halfRange: Number(values['range']) }),
};

/** Curve data for download: x, tanh, the morphed sigmoid and the residual (units of 2^-53). */
export function identityCsv(state: IdentityState): CsvTable {
  const [tanh, g] = identitySeries(state);
  const unit = Math.pow(2, -53);
  return {
    header: ['x', 'tanh(x)', `g_t(x) t=${state.t}`, 'residual / 2^-53'],
    rows: Array.from(tanh?.xs ?? [], (x, i) => [
      x,
      tanh?.ys[i] ?? NaN,
      g?.ys[i] ?? NaN,
      residual(x) / unit,
    ]),
  };
}
