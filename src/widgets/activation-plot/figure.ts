/**
 * The figure an `ActivationPlot` shows, as a pure function of its config: shared by the
 * build-time render and the client element so both draw the same thing.
 */
import type * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import type { ActivationId } from '../../lib/activations/types.ts';
import {
  curvePlotOptions,
  sampleActivation,
  type CurveSeries,
  type Domain,
} from '../../lib/plots/curves.ts';
import { curveColor } from '../../lib/palette.ts';
import type { CsvTable } from '../shared/csv.ts';

/** Serializable description of an activation figure (also its element's `data-state` attribute). */
export interface ActivationPlotConfig {
  /** Figure id, unique on the page (used for the Plot class name too). */
  readonly figureId: string;
  readonly ids: readonly ActivationId[];
  /** Also draw f' (dashed) for each id. */
  readonly derivative: boolean;
  readonly domain: Domain;
  readonly yDomain?: Domain;
  readonly description: string;
}

/** The curves of a figure: f for each id, then f' if asked, coloured by id. */
export function activationSeries(config: ActivationPlotConfig): CurveSeries[] {
  const series: CurveSeries[] = [];
  config.ids.forEach((id, i) => {
    const activation = getActivation(id);
    const color = curveColor(i);
    const fx = sampleActivation(activation, config.domain);
    series.push({ key: `${id}:f`, label: `${activation.name}`, color, ...fx });
    if (config.derivative) {
      const dfx = sampleActivation(activation, config.domain, { derivative: true });
      series.push({
        key: `${id}:df`,
        label: `${activation.name} derivative`,
        color,
        dashed: true,
        ...dfx,
      });
    }
  });
  return series;
}

/** Plot options for the figure at a given pixel width. */
export function activationPlotOptions(
  config: ActivationPlotConfig,
  width: number,
): Plot.PlotOptions {
  return curvePlotOptions({
    series: activationSeries(config),
    xDomain: config.domain,
    ...(config.yDomain ? { yDomain: config.yDomain } : {}),
    width,
    height: Math.round(Math.min(380, Math.max(240, width * 0.56))),
    className: `af-plot-${config.figureId}`,
    description: config.description,
  });
}

/** Curve data for download: x, then f(x) and f'(x) of every plotted function (f' even if not drawn). */
export function activationPlotCsv(config: ActivationPlotConfig): CsvTable {
  const curves = config.ids.map((id) => {
    const a = getActivation(id);
    return [
      sampleActivation(a, config.domain),
      sampleActivation(a, config.domain, { derivative: true }),
    ] as const;
  });
  return {
    header: ['x', ...config.ids.flatMap((id) => [`${id} f(x)`, `${id} f'(x)`])],
    rows: Array.from(curves[0]?.[0].xs ?? [], (x, i) => [
      x,
      ...curves.flatMap(([f, df]) => [f.ys[i] ?? NaN, df.ys[i] ?? NaN]),
    ]),
  };
}
