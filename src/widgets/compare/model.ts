/**
 * Compare widget as pure functions: overlay any subset of the registry, as f, f' or |f'| on a
 * log scale (where the gradient vanishes, the log view shows how fast).
 */
import type * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import { curvePlotOptions, sampleActivation, type CurveSeries, type Domain } from '../../lib/plots/curves.ts';

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

/** Number of distinct curve colours in the theme; selections beyond it reuse colours. */
export const paletteSize = 6;

/** The colour of the i-th selected curve. */
export function colorOf(index: number): string {
  return `var(--curve-${(index % paletteSize) + 1})`;
}

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
    return { key: id, label: a.name, color: colorOf(i), xs, ys };
  });
}

/** Plot options for the comparison at a pixel width. */
export function comparePlotOptions(state: CompareState, width: number, figureId: string): Plot.PlotOptions {
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
