/**
 * What the digits figures draw once live: Plot options for the training curves and the per-layer
 * gradient norms. Loaded lazily with Plot, only when a figure comes into view; DOM-free.
 */
import * as Plot from '@observablehq/plot';
import { curveColor } from '../../lib/palette.ts';
import type { EpochPoint } from './experiments.ts';

export { digitsUrl } from './params.ts';

/** A lane as the page holds it while it trains. */
export interface LaneView {
  readonly label: string;
  readonly history: readonly EpochPoint[];
  /** Last epoch's gradient norm per non-input layer (empty until the lane finishes or without instrumentation). */
  readonly gradNorms: readonly number[];
}

/** Which curve a figure plots over the epochs. */
export type CurveMetric = 'testAccuracy' | 'trainLoss';

const frame = (width: number, figureId: string) => ({
  width,
  height: Math.round(Math.min(300, Math.max(200, width * 0.45))),
  className: `af-plot-${figureId}`,
  style: { background: 'transparent', overflow: 'visible' },
});

/** One line per lane over the epochs: test accuracy in percent, or the training loss on a log scale. */
export function curveOptions(
  lanes: readonly LaneView[],
  metric: CurveMetric,
  epochs: number,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const accuracy = metric === 'testAccuracy';
  return {
    ...frame(width, figureId),
    // Room for each line's label at its last point.
    marginRight: 84,
    ariaDescription: `${accuracy ? 'Test accuracy' : 'Training loss'} after each epoch for ${lanes.map((l) => l.label).join(', ')}.`,
    x: { label: 'epoch', domain: [1, Math.max(2, epochs)], grid: true },
    // '~g' prints 0.5 where the default log format would print the SI "500m".
    y: accuracy
      ? { label: 'test accuracy (%)', domain: [0, 100], grid: true }
      : { type: 'log', label: 'training loss (cross-entropy)', grid: true, tickFormat: '~g' },
    marks: lanes.flatMap((lane, i) => {
      const points = lane.history
        .map((p) => ({ x: p.epoch, y: accuracy ? 100 * p.testAccuracy : p.trainLoss }))
        .filter((p) => Number.isFinite(p.y) && p.y > 0);
      const last = points.at(-1);
      return [
        Plot.line(points, { x: 'x', y: 'y', stroke: curveColor(i), strokeWidth: 2 }),
        Plot.dot(points, { x: 'x', y: 'y', fill: curveColor(i), r: 2 }),
        ...(last
          ? [
              Plot.text([last], {
                x: 'x',
                y: 'y',
                text: () => lane.label,
                dx: 6,
                textAnchor: 'start',
                fill: curveColor(i),
              }),
            ]
          : []),
      ];
    }),
  };
}

/** Gradient norm per layer (1 = first hidden layer, last = output), log scale, one line per lane. */
export function gradientOptions(
  lanes: readonly LaneView[],
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const layers = Math.max(2, ...lanes.map((l) => l.gradNorms.length));
  return {
    ...frame(width, figureId),
    ariaDescription: `Mean gradient norm of each layer's weights in the last epoch, first hidden layer to output layer, log scale, for ${lanes.map((l) => l.label).join(', ')}.`,
    x: {
      label: `layer (${layers} = output)`,
      domain: [1, layers],
      grid: true,
      ticks: layers,
      tickFormat: 'd',
    },
    y: { type: 'log', label: 'gradient norm', grid: true, tickFormat: '.0e' },
    marks: lanes.flatMap((lane, i) => {
      const points = lane.gradNorms
        .map((g, l) => ({ x: l + 1, y: g }))
        .filter((p) => p.y > 0 && Number.isFinite(p.y));
      // No end labels: the lines meet at the output layer; the figure's legend names them.
      return [
        Plot.line(points, { x: 'x', y: 'y', stroke: curveColor(i), strokeWidth: 2 }),
        Plot.dot(points, { x: 'x', y: 'y', fill: curveColor(i), r: 2.5 }),
      ];
    }),
  };
}

/** One function's scores over many seeds, for the league's build-time chart. */
export interface SeedScores {
  readonly label: string;
  /** Test accuracy per seed, 0-1. */
  readonly accuracies: readonly number[];
}

/** Test accuracy per seed as dots, one row per function, with chance (10%) marked. */
export function seedDotsOptions(
  rows: readonly SeedScores[],
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const points = rows.flatMap((r, i) =>
    r.accuracies.map((a) => ({ label: r.label, x: 100 * a, i })),
  );
  return {
    width,
    height: 50 + 34 * rows.length,
    marginLeft: 110,
    className: `af-plot-${figureId}`,
    style: { background: 'transparent', overflow: 'visible' },
    ariaDescription: `Test accuracy of ${rows.map((r) => r.label).join(', ')} on each of ${rows[0]?.accuracies.length ?? 0} seeds, one dot per seed; chance is 10%.`,
    x: { label: 'test accuracy (%)', domain: [0, 100], grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.ruleX([10], { stroke: 'var(--muted)', strokeDasharray: '2,3' }),
      ...rows.map((_, i) =>
        Plot.dot(
          points.filter((p) => p.i === i),
          { x: 'x', y: 'label', fill: curveColor(i), fillOpacity: 0.6, r: 3.5 },
        ),
      ),
    ],
  };
}
