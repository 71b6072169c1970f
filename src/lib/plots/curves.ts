/**
 * Pure builders for curve figures: sample an activation (or its derivative) and turn series into
 * Observable Plot options. No DOM and no `Plot.plot()` call here, so the same builder feeds the
 * build-time SVG (server-side document) and the live client figure, and its output can be
 * snapshot-tested.
 */
import * as Plot from '@observablehq/plot';
import type { Activation, Params } from '../activations/types.ts';

/** A closed x interval. */
export type Domain = readonly [number, number];

/** One line on a curve figure. */
export interface CurveSeries {
  /** Stable key: used for legends, tests and data tables. */
  readonly key: string;
  /** Legend label, plain text. */
  readonly label: string;
  /** CSS colour, usually a `var(--curve-N)` so dark mode restyles it without a redraw. */
  readonly color: string;
  /** Dashed stroke (used for derivatives). */
  readonly dashed?: boolean;
  /** Sample positions, increasing. */
  readonly xs: ArrayLike<number>;
  /** Values at `xs`; non-finite values break the line instead of drawing to infinity. */
  readonly ys: ArrayLike<number>;
}

/** Options for {@link curvePlotOptions}. */
export interface CurvePlotInput {
  readonly series: readonly CurveSeries[];
  readonly xDomain: Domain;
  /** Fixed y domain; when absent, Plot fits the data. */
  readonly yDomain?: Domain;
  readonly width: number;
  readonly height: number;
  /** Fixed class name: Plot otherwise draws a random one, which breaks golden files. */
  readonly className: string;
  /** Short description read by screen readers (Plot's `ariaDescription`). */
  readonly description: string;
  /** Log-scale y (for |f'|); series values must then be positive to be drawn. */
  readonly logY?: boolean;
  /** Axis labels. */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** A vertical cursor at this x, with a dot on each series. */
  readonly cursorX?: number;
}

/** Number of samples per curve: smooth at any plotted width, cheap to redraw on every input. */
export const defaultSamples = 401;

/**
 * Evenly spaced samples of f (or f') of one activation over `domain`, using the vectorised
 * forms, so a figure shows exactly what the module computes.
 */
export function sampleActivation(
  activation: Activation,
  domain: Domain,
  options: { params?: Params; derivative?: boolean; samples?: number } = {},
): { xs: Float64Array; ys: Float64Array } {
  const n = Math.max(2, options.samples ?? defaultSamples);
  const xs = new Float64Array(n);
  const [a, b] = domain;
  for (let i = 0; i < n; i++) xs[i] = a + ((b - a) * i) / (n - 1);
  const ys = new Float64Array(n);
  if (options.derivative) activation.dfInto(xs, ys, options.params);
  else activation.fInto(xs, ys, options.params);
  return { xs, ys };
}

interface Point {
  x: number;
  y: number;
}

function points(series: CurveSeries, logY: boolean): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < series.xs.length; i++) {
    const y = series.ys[i] ?? NaN;
    // NaN makes Plot break the line; a log axis cannot show zero or negative values.
    out.push({ x: series.xs[i] ?? NaN, y: logY ? (y > 0 ? y : NaN) : y });
  }
  return out;
}

/** Plot options for one figure of curves, axes through the origin, optional cursor. */
export function curvePlotOptions(input: CurvePlotInput): Plot.PlotOptions {
  const logY = input.logY ?? false;
  const marks: Plot.Markish[] = [
    Plot.ruleX([0], { stroke: 'var(--axis)', strokeOpacity: 0.6 }),
    ...(logY ? [] : [Plot.ruleY([0], { stroke: 'var(--axis)', strokeOpacity: 0.6 })]),
  ];
  for (const s of input.series) {
    marks.push(
      Plot.line(points(s, logY), {
        x: 'x',
        y: 'y',
        stroke: s.color,
        strokeWidth: 2,
        ...(s.dashed ? { strokeDasharray: '5,4' } : {}),
      }),
    );
  }
  if (input.cursorX !== undefined && Number.isFinite(input.cursorX)) {
    const cx = input.cursorX;
    marks.push(Plot.ruleX([cx], { stroke: 'var(--muted)', strokeDasharray: '2,3' }));
    for (const s of input.series) {
      const y = valueAt(s, cx);
      if (Number.isFinite(y) && (!logY || y > 0)) {
        marks.push(Plot.dot([{ x: cx, y }], { x: 'x', y: 'y', fill: s.color, r: 4 }));
      }
    }
  }
  return {
    width: input.width,
    height: input.height,
    className: input.className,
    ariaDescription: input.description,
    style: { background: 'transparent', overflow: 'visible' },
    x: { domain: [...input.xDomain], label: input.xLabel ?? 'x', grid: true, nice: false },
    y: {
      ...(input.yDomain ? { domain: [...input.yDomain] } : {}),
      type: logY ? 'log' : 'linear',
      label: input.yLabel ?? null,
      grid: true,
      clamp: input.yDomain !== undefined,
    },
    marks,
  };
}

/** Linear interpolation of a series at x (exact at sample points). */
export function valueAt(series: CurveSeries, x: number): number {
  const n = series.xs.length;
  if (n === 0) return NaN;
  let lo = 0;
  let hi = n - 1;
  const x0 = series.xs[0] ?? NaN;
  const x1 = series.xs[hi] ?? NaN;
  if (x <= x0) return series.ys[0] ?? NaN;
  if (x >= x1) return series.ys[hi] ?? NaN;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((series.xs[mid] ?? NaN) <= x) lo = mid;
    else hi = mid;
  }
  const xa = series.xs[lo] ?? NaN;
  const xb = series.xs[hi] ?? NaN;
  const ya = series.ys[lo] ?? NaN;
  const yb = series.ys[hi] ?? NaN;
  return ya + ((yb - ya) * (x - xa)) / (xb - xa);
}
