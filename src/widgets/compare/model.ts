/**
 * Compare widget as pure functions: overlay any subset of the registry, as f, f' or |f'| on a
 * log scale (where the gradient vanishes, the log view shows how fast).
 */
import type * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import { curveColor, curveDash } from '../../lib/palette.ts';
import {
  curvePlotOptions,
  sampleActivation,
  type CurveSeries,
  type Domain,
} from '../../lib/plots/curves.ts';
import type { CsvTable } from '../shared/csv.ts';
import { listPattern, numberChoices, type UrlCodec } from '../shared/url-codec.ts';

/** What the y axis shows. */
export type CompareMode = 'f' | 'df' | 'logdf';

/** Labels of the modes, for the control and the description. */
export const compareModes: Readonly<Record<CompareMode, string>> = {
  f: 'f(x)',
  df: "f'(x)",
  logdf: "|f'(x)|, log scale",
};

/** The widget's whole state. */
export interface CompareState {
  /** Selected ids, kept in teaching order. */
  readonly ids: readonly ActivationId[];
  readonly mode: CompareMode;
  readonly halfRange: number;
}

/** Half-widths the x-range picker offers. */
export const compareZoomLevels = [2, 5, 10, 16, 32] as const;

/** The colour of the i-th selected curve (the site's palette). */
export const colorOf = curveColor;

/** Ids in teaching order, so colours do not depend on click order. */
export function normalizeIds(ids: readonly string[]): ActivationId[] {
  return activationIds.filter((id) => ids.includes(id));
}

/** One series per selected activation in the chosen mode. */
export function compareSeries(state: CompareState): CurveSeries[] {
  const domain: Domain = [-state.halfRange, state.halfRange];
  return normalizeIds(state.ids).map((id, i) => {
    const a = getActivation(id);
    const { xs, ys } = sampleActivation(a, domain, { derivative: state.mode !== 'f' });
    if (state.mode === 'logdf') for (let j = 0; j < ys.length; j++) ys[j] = Math.abs(ys[j] ?? NaN);
    const dash = curveDash(i);
    return { key: id, label: a.name, color: colorOf(i), ...(dash ? { dash } : {}), xs, ys };
  });
}

/** Plot options for the comparison at a pixel width. */
export function comparePlotOptions(
  state: CompareState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const names = normalizeIds(state.ids).map((id) => getActivation(id).name);
  return curvePlotOptions({
    series: compareSeries(state),
    xDomain: [-state.halfRange, state.halfRange],
    ...(state.mode === 'logdf' ? { yDomain: [1e-12, 2] as const, logY: true } : {}),
    width,
    height: Math.round(Math.min(400, Math.max(260, width * 0.58))),
    className: `af-plot-${figureId}`,
    yLabel: compareModes[state.mode],
    description: `${compareModes[state.mode]} of ${names.length ? names.join(', ') : 'no function'} for x from ${-state.halfRange} to ${state.halfRange}.`,
  });
}

/**
 * URL parameters: `ids` (comma-separated registry ids; empty means none), `mode` and `range`.
 * Ids are checked against the registry by the pattern, so a typo is reported, not dropped silently.
 */
export const compareUrl: UrlCodec<CompareState> = {
  table(initial) {
    return {
      ids: {
        kind: 'text',
        pattern: listPattern(activationIds),
        maxLength: activationIds.join(',').length,
        default: normalizeIds(initial.ids).join(','),
      },
      mode: { kind: 'enum', values: Object.keys(compareModes), default: initial.mode },
      range: {
        kind: 'enum',
        values: numberChoices(compareZoomLevels, initial.halfRange),
        default: String(initial.halfRange),
      },
    };
  },
  encode(state) {
    return {
      ids: normalizeIds(state.ids).join(','),
      mode: state.mode,
      range: String(state.halfRange),
    };
  },
  decode(values) {
    const ids = String(values['ids'] ?? '');
    return {
      ids: ids === '' ? [] : normalizeIds(ids.split(',')),
      mode: values['mode'] as CompareMode,
      halfRange: Number(values['range']),
    };
  },
};

/** Curve data for download: x, then f(x) and f'(x) of every selected function. */
export function compareCsv(state: CompareState): CsvTable {
  const domain: Domain = [-state.halfRange, state.halfRange];
  const ids = normalizeIds(state.ids);
  const curves = ids.map((id) => {
    const a = getActivation(id);
    return [
      sampleActivation(a, domain),
      sampleActivation(a, domain, { derivative: true }),
    ] as const;
  });
  const xs = curves[0]?.[0].xs ?? sampleActivation(getActivation('linear'), domain).xs;
  return {
    header: ['x', ...ids.flatMap((id) => [`${id} f(x)`, `${id} f'(x)`])],
    rows: Array.from(xs, (x, i) => [
      x,
      ...curves.flatMap(([f, df]) => [f.ys[i] ?? NaN, df.ys[i] ?? NaN]),
    ]),
  };
}
