/**
 * The playground's figures as pure Plot option builders: decision boundary with the data, loss
 * curves, gradient norm per layer over time, pre-activation histograms over f and f', dead units
 * per layer. No DOM and no `plot()` call: the same builders render at build time (linkedom) and
 * in the browser.
 */
import * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import type { ActivationId } from '../../lib/activations/types.ts';
import type { DataSplit } from '../../lib/data/index.ts';
import type { ScalarDifferentiable } from '../../lib/differentiable.ts';
import { HISTOGRAM } from '../../lib/nn/index.ts';
import { curveColor } from '../../lib/palette.ts';
import { dotPathMark, pathElement } from '../../lib/plots/dot-path.ts';
import { BOUNDARY_MARGIN, EXTENT } from './config.ts';

export { BOUNDARY_MARGIN };
import type { RunHistory } from './protocol.ts';

const plain = { background: 'transparent', overflow: 'visible' } as const;

/** Colour of layer i (hidden layers first, output last): the site's one palette. */
export const layerColor = curveColor;

/** Name of non-input layer i out of `count` ("hidden 1"... "output"). */
export const layerName = (i: number, count: number): string =>
  i === count - 1 ? 'output' : `hidden ${i + 1}`;

/** Input of {@link boundaryOptions}. */
export interface BoundaryInput {
  /** side×side network outputs in [−1, 1], top row first. */
  readonly grid: Float64Array;
  /** Side of the grid. */
  readonly side: number;
  /** Training points (filled). */
  readonly train: DataSplit;
  /** Test points (hollow). */
  readonly test: DataSplit;
  /** Plot width in px (the plot is square). */
  readonly width: number;
  /**
   * Build time: coarse cells coloured with theme variables and an opacity that grows with
   * |output|. Live (`false`): no background, because the page paints the grid on a canvas
   * under the SVG (see BOUNDARY_MARGIN) and redraws only that canvas as training runs.
   */
  readonly cells: boolean;
  /** Short text description for assistive technology. */
  readonly description: string;
  /** Whether the test points are drawn (default true). */
  readonly showTest?: boolean;
  /** Regression: points are shaded by their value instead of coloured by class. */
  readonly regression?: boolean;
}

interface Pt {
  x: number;
  y: number;
  positive: boolean;
  /** |target| in [0, 1] (1 for a class label). */
  strength: number;
}

const pointsOf = (s: DataSplit): Pt[] =>
  Array.from({ length: s.n }, (_, i) => ({
    x: s.inputs[2 * i] ?? 0,
    y: s.inputs[2 * i + 1] ?? 0,
    positive: s.classes[i] === 1,
    strength: Math.min(1, Math.abs(s.targets[i] ?? 1)),
  }));

/** Shading steps of regression points: few, because each step is one path per colour. */
const VALUE_STEPS = 4;

/** Opacity steps of the static background: enough to read the field, few enough to draw each step as one path. */
const FIELD_LEVELS = 8;

/**
 * The static background as one path per colour and opacity step. Cells of a row that share both
 * are merged into one rectangle. It was a `rect` per cell: 625 elements per figure, and a lesson
 * with eight demo lanes spent seconds of a phone's main thread styling and laying them out.
 */
function fieldMark(grid: Float64Array, side: number, step: number): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const { x, y } = scales as { x: (v: number) => number; y: (v: number) => number };
    const cell = (2 * EXTENT) / side;
    const runs = new Map<string, string>();
    for (let r = 0; r < side; r += step) {
      let c = 0;
      while (c < side) {
        const v = grid[r * side + c] ?? 0;
        const key = `${v > 0 ? 1 : 2}:${Math.min(FIELD_LEVELS - 1, Math.floor(Math.min(1, Math.abs(v)) * FIELD_LEVELS))}`;
        let end = c + step;
        while (end < side) {
          const w = grid[r * side + end] ?? 0;
          if (
            `${w > 0 ? 1 : 2}:${Math.min(FIELD_LEVELS - 1, Math.floor(Math.min(1, Math.abs(w)) * FIELD_LEVELS))}` !==
            key
          )
            break;
          end += step;
        }
        const x1 = x(-EXTENT + c * cell);
        const x2 = x(-EXTENT + Math.min(side, end) * cell);
        const y1 = y(EXTENT - r * cell);
        const y2 = y(EXTENT - Math.min(side, r + step) * cell);
        runs.set(
          key,
          `${runs.get(key) ?? ''}M${x1.toFixed(2)},${y1.toFixed(2)}H${x2.toFixed(2)}V${y2.toFixed(2)}H${x1.toFixed(2)}Z`,
        );
        c = end;
      }
    }
    const g = context.document.createElementNS('http://www.w3.org/2000/svg', 'g');
    for (const [key, d] of runs) {
      const [sign, level] = key.split(':').map(Number) as [number, number];
      // The step's middle |output|, on the same opacity ramp as before: 0.08 + 0.4·|v|.
      const opacity = 0.08 + (0.4 * (level + 0.5)) / FIELD_LEVELS;
      g.append(
        pathElement(context.document, {
          d,
          fill: `var(--curve-${sign})`,
          'fill-opacity': opacity.toFixed(3),
        }),
      );
    }
    return g;
  };
}

/**
 * Filled (training) or hollow (test) points, one path per class. For regression, one path per
 * sign and shading step, darker for larger |value|, outlined so pale points still show on the map.
 */
function pointsMarks(
  points: readonly Pt[],
  hollow: boolean,
  regression = false,
): Plot.RenderFunction[] {
  if (regression) {
    return [false, true].flatMap((positive) =>
      Array.from({ length: VALUE_STEPS }, (_, k) => {
        const colour = positive ? 'var(--curve-1)' : 'var(--curve-2)';
        const inStep = points.filter(
          (p) =>
            p.positive === positive &&
            Math.min(VALUE_STEPS - 1, Math.floor(p.strength * VALUE_STEPS)) === k,
        );
        const opacity = (0.25 + (0.75 * (k + 1)) / VALUE_STEPS).toFixed(2);
        const style = hollow
          ? { fill: 'var(--bg)', stroke: colour, 'stroke-width': '1.5', 'stroke-opacity': opacity }
          : { fill: colour, 'fill-opacity': opacity, stroke: 'var(--fg)', 'stroke-width': '0.5' };
        return dotPathMark(inStep, 3, style);
      }),
    );
  }
  return [false, true].map((positive) => {
    const colour = positive ? 'var(--curve-1)' : 'var(--curve-2)';
    const style = hollow
      ? { fill: 'var(--bg)', stroke: colour, 'stroke-width': '1.5' }
      : { fill: colour, stroke: 'var(--bg)', 'stroke-width': '0.8' };
    return dotPathMark(
      points.filter((p) => p.positive === positive),
      3,
      style,
    );
  });
}

/** Decision-boundary heatmap with the training (filled) and test (hollow) points. */
export function boundaryOptions(input: BoundaryInput): Plot.PlotOptions {
  const { grid, side, width } = input;
  return {
    width,
    height: width,
    margin: BOUNDARY_MARGIN,
    ariaDescription: input.description,
    style: plain,
    x: { domain: [-EXTENT, EXTENT], label: null, ticks: 5 },
    y: { domain: [-EXTENT, EXTENT], label: null, ticks: 5 },
    // The static field keeps about 25 cells a side whatever the grid, so the HTML stays small.
    marks: [
      input.cells ? fieldMark(grid, side, Math.max(1, Math.round(side / 25))) : null,
      ...pointsMarks(pointsOf(input.train), false, input.regression),
      ...(input.showTest === false
        ? []
        : pointsMarks(pointsOf(input.test), true, input.regression)),
    ],
  };
}

/** Train and test loss against epoch. */
export function lossOptions(
  histories: readonly RunHistory[],
  labels: readonly string[],
  width: number,
  height = 170,
): Plot.PlotOptions {
  // A log axis: the loss falls by orders of magnitude, and a linear one shows only the first drop.
  const rows = histories
    .flatMap((h, run) =>
      h.epoch.flatMap((epoch, i) => [
        {
          epoch,
          loss: h.train[i] ?? NaN,
          series: `${labels[run] ?? ''} train`.trim(),
          run,
          test: false,
        },
        {
          epoch,
          loss: h.test[i] ?? NaN,
          series: `${labels[run] ?? ''} test`.trim(),
          run,
          test: true,
        },
      ]),
    )
    .filter((d) => Number.isFinite(d.loss) && d.loss > 0);
  return {
    width,
    height,
    marginLeft: 44,
    ariaDescription: 'Training loss (solid) and test loss (dashed) against epoch, log scale.',
    style: plain,
    // At least ten epochs wide and a whole decade tall, so the first epochs (one point) get
    // readable axes instead of a degenerate domain with ticks like 0.000000.
    x: { label: 'epoch', grid: true, domain: [0, rows.reduce((m, d) => Math.max(m, d.epoch), 10)] },
    y: { label: 'loss (log scale)', grid: true, type: 'log', tickFormat: '~g', nice: true },
    marks: [
      Plot.line(
        rows.filter((d) => !d.test),
        { x: 'epoch', y: 'loss', z: 'series', stroke: (d: { run: number }) => layerColor(d.run) },
      ),
      Plot.line(
        rows.filter((d) => d.test),
        {
          x: 'epoch',
          y: 'loss',
          z: 'series',
          stroke: (d: { run: number }) => layerColor(d.run),
          strokeDasharray: '4 3',
        },
      ),
    ],
  };
}

/** Gradient norm of every layer against epoch, on a log scale. */
export function gradientOptions(
  history: RunHistory,
  width: number,
  title = 'gradient norm',
): Plot.PlotOptions {
  const rows = history.grad
    .flatMap((norms, i) =>
      norms.map((g, layer) => ({
        epoch: history.epoch[i] ?? 0,
        g,
        layer: layerName(layer, norms.length),
        index: layer,
      })),
    )
    .filter((d) => d.g > 0 && Number.isFinite(d.g) && d.epoch > 0);
  return {
    width,
    height: 170,
    marginLeft: 48,
    marginRight: 56,
    ariaDescription:
      'Gradient norm of each layer against epoch, log scale; early layers with tiny norms learn slowly.',
    style: plain,
    x: { label: 'epoch', grid: true },
    y: { type: 'log', label: title, grid: true, ticks: 4 },
    marks: [
      Plot.line(rows, {
        x: 'epoch',
        y: 'g',
        z: 'layer',
        stroke: (d: { index: number }) => layerColor(d.index),
      }),
      Plot.text(
        rows,
        Plot.selectLast({
          x: 'epoch',
          y: 'g',
          z: 'layer',
          text: 'layer',
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
          fontSize: 9,
        }),
      ),
    ],
  };
}

/** A layer's function: a registry id, or any f/df pair (the reader's compiled expression). */
export type LayerFunction = ActivationId | ScalarDifferentiable;

/**
 * Each layer's pre-activation histogram (bars, scaled to 1) drawn over f and f' of its activation.
 * `names` label the layers (default: hidden 1… output); the live page draws one layer per plot,
 * passing that layer's own name, so no single redraw grows with the depth of the network.
 */
export function histogramOptions(
  histograms: Float64Array,
  activations: readonly LayerFunction[],
  width: number,
  names?: readonly string[],
): Plot.PlotOptions {
  const { bins, min, max } = HISTOGRAM;
  const binWidth = (max - min) / bins;
  const layers = activations.length;
  const bars = [];
  const fs = [];
  const nameOf = (l: number): string => names?.[l] ?? layerName(l, layers);
  for (let l = 0; l < layers; l++) {
    const name = nameOf(l);
    const counts = histograms.subarray(l * bins, (l + 1) * bins);
    const peak = Math.max(1, ...counts);
    for (let b = 0; b < bins; b++)
      bars.push({
        layer: name,
        x1: min + b * binWidth,
        x2: min + (b + 1) * binWidth,
        h: (counts[b] ?? 0) / peak,
      });
    const layer = activations[l] ?? 'linear';
    const a = typeof layer === 'string' ? getActivation(layer) : layer;
    for (let i = 0; i <= 120; i++) {
      const x = min + ((max - min) * i) / 120;
      fs.push({ layer: name, x, y: a.f(x), kind: 'f' }, { layer: name, x, y: a.df(x), kind: "f'" });
    }
  }
  return {
    width,
    height: 40 + 80 * layers,
    marginLeft: 36,
    marginRight: 64,
    ariaDescription:
      "Per layer: histogram of pre-activations over the last epoch, drawn over the activation f (solid) and its derivative f' (dashed).",
    style: plain,
    x: { domain: [min, max], label: 'pre-activation z' },
    y: { domain: [-1.2, 2.2], label: null, ticks: 3 },
    fy: { label: null, domain: Array.from({ length: layers }, (_, l) => nameOf(l)) },
    marks: [
      Plot.rectY(bars, {
        x1: 'x1',
        x2: 'x2',
        y: 'h',
        fy: 'layer',
        fill: 'var(--muted)',
        fillOpacity: 0.45,
      }),
      Plot.line(
        fs.filter((d) => d.kind === 'f'),
        { x: 'x', y: 'y', fy: 'layer', clip: true, stroke: 'var(--curve-1)' },
      ),
      Plot.line(
        fs.filter((d) => d.kind !== 'f'),
        {
          x: 'x',
          y: 'y',
          fy: 'layer',
          clip: true,
          stroke: 'var(--curve-2)',
          strokeDasharray: '4 3',
        },
      ),
      Plot.ruleY([0], { stroke: 'var(--border)' }),
    ],
  };
}

/**
 * Dead and inactive units per hidden layer, out of the layer width. Dead: f'(z) was 0 on every
 * example of the last epoch, so no gradient reached the unit's weights. Inactive: z was negative
 * on every example. For ReLU the two coincide; a Leaky ReLU or PReLU unit can be inactive and
 * still learn, which is why both are drawn.
 */
export function deadOptions(
  dead: Float64Array,
  inactive: Float64Array,
  units: readonly number[],
  width: number,
): Plot.PlotOptions {
  // One band per layer and count (no facets: this chart redraws while training, and facets cost
  // about twice as much to render).
  const rows = units.flatMap((u, l) => {
    const layer = layerName(l, units.length + 1);
    return [
      {
        row: `${layer} inactive`,
        count: Math.round((inactive[l] ?? 0) * u),
        units: u,
        fill: 'var(--muted)',
      },
      {
        row: `${layer} dead`,
        count: Math.round((dead[l] ?? 0) * u),
        units: u,
        fill: 'var(--accent)',
      },
    ];
  });
  return {
    width,
    height: 30 + 36 * Math.max(1, units.length),
    marginLeft: 104,
    marginRight: 24,
    ariaDescription:
      'Per hidden layer, the units inactive (pre-activation negative on every example) and dead (zero derivative on every example), out of the layer width.',
    style: plain,
    x: { label: 'units (of the layer width)', domain: [0, Math.max(1, ...units)], grid: true },
    y: { label: null, domain: rows.map((r) => r.row), paddingInner: 0.25 },
    marks: [
      Plot.barX(rows, { x: 'units', y: 'row', fill: 'var(--border)' }),
      Plot.barX(rows, { x: 'count', y: 'row', fill: 'fill' }),
      Plot.text(rows, {
        x: 'count',
        y: 'row',
        text: 'count',
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
    ],
  };
}

/** A loss formatted for a readout (— when not yet known). */
export function formatLoss(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return String(v);
  return v < 1e-3 ? v.toExponential(2) : v.toFixed(4);
}

/** A share formatted as a percentage. */
export const formatShare = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`;
