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
  /** Another dash pattern (palette.ts: curves that share a hue); `dashed` wins. */
  readonly dash?: string;
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
  /**
   * Name each solid curve at its right end. By default on when two or more solid curves share
   * the figure and it is wide enough (a phone keeps the legend alone).
   */
  readonly directLabels?: boolean;
}

/** Narrowest figure that labels its curves directly, px. */
const directLabelMinWidth = 480;
/** Smallest vertical distance between two direct labels, px. */
const labelGap = 13;
/** Plot's default top and bottom margins with an x axis, px: the frame is the rest. */
const frameMargins = 50;

/** Where each label goes: the curve's last drawn point, then spread so no two overlap. */
function placeLabels(
  ends: readonly { label: string; color: string; x: number; y: number }[],
  yDomain: Domain,
  height: number,
  logY: boolean,
): { label: string; color: string; x: number; y: number }[] {
  const t = (v: number): number => (logY ? Math.log(v) : v);
  const [lo, hi] = [t(Math.min(...yDomain)), t(Math.max(...yDomain))];
  const inner = Math.max(1, height - frameMargins);
  const toPx = (v: number): number => ((hi - t(v)) / (hi - lo || 1)) * inner;
  const fromPx = (p: number): number => {
    const v = hi - (p / inner) * (hi - lo || 1);
    return logY ? Math.exp(v) : v;
  };
  const placed = ends.map((e) => ({ ...e, px: toPx(e.y) })).sort((a, b) => a.px - b.px);
  for (let i = 1; i < placed.length; i++)
    placed[i]!.px = Math.max(placed[i]!.px, placed[i - 1]!.px + labelGap);
  const overflow = (placed[placed.length - 1]?.px ?? 0) - inner;
  if (overflow > 0) for (const p of placed) p.px -= overflow;
  for (let i = placed.length - 2; i >= 0; i--)
    placed[i]!.px = Math.min(placed[i]!.px, placed[i + 1]!.px - labelGap);
  return placed.map(({ px, ...e }) => ({ ...e, y: fromPx(px) }));
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

/** A point of a drawn line; a NaN `y` breaks the line there. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a curve crosses the frame's top or bottom edge on its way out, and which way it goes. */
export interface FrameExit {
  readonly x: number;
  /** The edge's value: the frame's top or bottom. */
  readonly y: number;
  readonly direction: 'up' | 'down';
}

type Side = 'in' | 'above' | 'below' | 'gap';

/**
 * Cuts a sampled curve at a y range instead of pressing it onto the range's edges. Plot's
 * `clamp` would move every value above the top onto the top, drawing a flat run that looks like
 * saturation (ReLU at y = 2 read as a function that levels off). Here a segment that leaves the
 * frame ends at the point where it meets the edge, interpolated in the scale's own space (log
 * for a log axis), so every drawn point lies on the sampled curve; segments wholly outside are
 * not drawn. Each crossing is reported as an exit, for a marker that tells the reader the curve
 * goes on. A value that is infinite in the scale's space (±Infinity, or zero and below on a log
 * axis, ReLU's exact zeros) has no crossing point between samples: the line stops at its last
 * sample in the frame and the exit is marked at the edge beyond the sample that left it.
 */
export function cutToFrame(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  yDomain: Domain,
  logY = false,
): { points: Point[]; exits: FrameExit[] } {
  const lo = Math.min(yDomain[0], yDomain[1]);
  const hi = Math.max(yDomain[0], yDomain[1]);
  const scaled = (y: number): number => (logY ? (y > 0 ? Math.log(y) : -Infinity) : y);
  const tLo = scaled(lo);
  const tHi = scaled(hi);
  const sideOf = (t: number): Side =>
    Number.isNaN(t) ? 'gap' : t < tLo ? 'below' : t > tHi ? 'above' : 'in';
  const points: Point[] = [];
  const exits: FrameExit[] = [];
  const edgeOf = (side: Side): number => (side === 'above' ? hi : lo);
  const directionOf = (side: Side): 'up' | 'down' => (side === 'above' ? 'up' : 'down');
  /** The point where the segment from (x0, t0) to (x1, t1) meets the edge beyond `side`. */
  const crossing = (x0: number, t0: number, x1: number, t1: number, side: Side): Point => {
    const edge = side === 'above' ? tHi : tLo;
    if (!Number.isFinite(t0)) return { x: x0, y: edgeOf(side) };
    if (!Number.isFinite(t1)) return { x: x1, y: edgeOf(side) };
    return { x: x0 + ((x1 - x0) * (edge - t0)) / (t1 - t0), y: edgeOf(side) };
  };
  const breakLine = (x: number): void => {
    if (points.length > 0 && !Number.isNaN(points[points.length - 1]?.y ?? NaN))
      points.push({ x, y: NaN });
  };
  let px = NaN;
  let pt = NaN;
  let prev: Side = 'gap';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? NaN;
    const y = ys[i] ?? NaN;
    const t = scaled(y);
    const side = Number.isNaN(x) ? 'gap' : sideOf(t);
    if (side === 'in') {
      if (prev === 'above' || prev === 'below') {
        const enter = crossing(px, pt, x, t, prev);
        if (Number.isFinite(pt)) points.push(enter);
        exits.push({ ...enter, direction: directionOf(prev) });
      } else if (prev === 'gap') breakLine(x);
      points.push({ x, y });
    } else if (side === 'above' || side === 'below') {
      if (prev === 'in') {
        const leave = crossing(px, pt, x, t, side);
        if (Number.isFinite(t)) points.push(leave);
        exits.push({ ...leave, direction: directionOf(side) });
        breakLine(x);
      } else if (
        (prev === 'above' || prev === 'below') &&
        prev !== side &&
        Number.isFinite(pt) &&
        Number.isFinite(t)
      ) {
        // One step across the whole frame: the part inside it is still on the curve.
        const enter = crossing(px, pt, x, t, prev);
        const leave = crossing(px, pt, x, t, side);
        breakLine(enter.x);
        points.push(enter, leave);
        exits.push(
          { ...enter, direction: directionOf(prev) },
          { ...leave, direction: directionOf(side) },
        );
        breakLine(x);
      }
    } else breakLine(x);
    px = x;
    pt = t;
    prev = side;
  }
  return { points, exits };
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

/**
 * Arrowheads at the frame's edge where curves leave it, pointing the way they go, in each
 * curve's colour: the reader sees that the curve continues beyond the plotted range.
 */
export function exitMarks(exits: readonly FrameExit[], color: string): Plot.Markish {
  return Plot.dot(exits, {
    x: 'x',
    y: 'y',
    symbol: 'triangle',
    r: 4,
    fill: color,
    rotate: (d: FrameExit) => (d.direction === 'up' ? 0 : 180),
    ariaLabel: 'leaves the frame',
  });
}

/** Plot options for one figure of curves, axes through the origin, optional cursor. */
export function curvePlotOptions(input: CurvePlotInput): Plot.PlotOptions {
  const logY = input.logY ?? false;
  const marks: Plot.Markish[] = [
    Plot.ruleX([0], { stroke: 'var(--axis)', strokeOpacity: 0.6 }),
    ...(logY ? [] : [Plot.ruleY([0], { stroke: 'var(--axis)', strokeOpacity: 0.6 })]),
  ];
  let cut = false;
  const solid = input.series.filter((s) => !s.dashed);
  const labelled = input.directLabels ?? (solid.length >= 2 && input.width >= directLabelMinWidth);
  const ends: { label: string; color: string; x: number; y: number }[] = [];
  for (const s of input.series) {
    const frame = input.yDomain ? cutToFrame(s.xs, s.ys, input.yDomain, logY) : undefined;
    cut ||= (frame?.exits.length ?? 0) > 0;
    const drawn = frame ? frame.points : points(s, logY);
    const dash = s.dashed ? '5,4' : s.dash;
    marks.push(
      Plot.line(drawn, {
        x: 'x',
        y: 'y',
        stroke: s.color,
        strokeWidth: 2,
        ...(dash ? { strokeDasharray: dash } : {}),
      }),
    );
    if (frame && frame.exits.length > 0) marks.push(exitMarks(frame.exits, s.color));
    const last = drawn.findLast((p) => Number.isFinite(p.y) && Number.isFinite(p.x));
    if (labelled && !s.dashed && last)
      ends.push({ label: s.label, color: s.color, x: last.x, y: last.y });
  }
  let marginRight: number | undefined;
  if (ends.length > 0) {
    const finite = input.series.flatMap((s) =>
      Array.from(s.ys).filter((v) => Number.isFinite(v) && (!logY || v > 0)),
    );
    const yDomain: Domain = input.yDomain ?? [Math.min(0, ...finite), Math.max(0, ...finite)];
    for (const l of placeLabels(ends, yDomain, input.height, logY)) {
      marks.push(
        Plot.text([l], {
          x: 'x',
          y: 'y',
          text: 'label',
          fill: l.color,
          textAnchor: 'start',
          dx: 6,
          fontSize: 11,
          fontWeight: 600,
        }),
      );
    }
    // Room for the longest name beside the frame (about 6.5 px a character at 11 px).
    marginRight = Math.ceil(12 + 6.5 * Math.max(...ends.map((e) => e.label.length)));
  }
  if (input.cursorX !== undefined && Number.isFinite(input.cursorX)) {
    const cx = input.cursorX;
    marks.push(Plot.ruleX([cx], { stroke: 'var(--muted)', strokeDasharray: '2,3' }));
    for (const s of input.series) {
      const y = valueAt(s, cx);
      if (Number.isFinite(y) && (!logY || y > 0) && inFrame(y, input.yDomain)) {
        marks.push(Plot.dot([{ x: cx, y }], { x: 'x', y: 'y', fill: s.color, r: 4 }));
      }
    }
  }
  return {
    width: input.width,
    height: input.height,
    className: input.className,
    ariaDescription: cut
      ? `${input.description} Curves that leave the plotted range stop at its edge, marked by an arrowhead.`
      : input.description,
    style: { background: 'transparent', overflow: 'visible' },
    ...(marginRight !== undefined ? { marginRight } : {}),
    x: { domain: [...input.xDomain], label: input.xLabel ?? 'x', grid: true, nice: false },
    y: {
      ...(input.yDomain ? { domain: [...input.yDomain] } : {}),
      type: logY ? 'log' : 'linear',
      label: input.yLabel ?? null,
      grid: true,
    },
    marks,
  };
}

/** Whether y is inside the y range (always, when there is none). */
function inFrame(y: number, yDomain: Domain | undefined): boolean {
  return yDomain === undefined || (y >= Math.min(...yDomain) && y <= Math.max(...yDomain));
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
