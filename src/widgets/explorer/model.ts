/**
 * The Activation Explorer as pure functions of its state: what it plots, what its cursor reads
 * and how its formula reads with the current parameter values. Shared by the build-time render
 * and the live element, and unit-tested without a browser.
 */
import type * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import type { Activation, ActivationId, ParamSpec } from '../../lib/activations/types.ts';
import { curvePlotOptions, sampleActivation, type CurveSeries } from '../../lib/plots/curves.ts';
import type { UrlParamSpec } from '../../lib/url-state.ts';
import type { CsvTable } from '../shared/csv.ts';
import { numberChoices, numberOf, type UrlCodec } from '../shared/url-codec.ts';

/** Everything the explorer shows follows from this. */
export interface ExplorerState {
  readonly activation: ActivationId;
  /** The plot spans [-halfRange, halfRange]. */
  readonly halfRange: number;
  /** Current parameter values by name (defaults when absent). */
  readonly params: Readonly<Record<string, number>>;
  /** Cursor position on the x axis. */
  readonly cursor: number;
}

/** Zoom levels offered by the x-range control (half-widths of the plotted interval). */
export const zoomLevels = [1, 2, 4, 8, 16, 32, 64] as const;

/** Parameter values with every missing one filled from its default. */
export function resolvedParams(
  activation: Activation,
  params: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of activation.params) out[p.name] = params[p.name] ?? p.default;
  return out;
}

/** f (solid) and f' (dashed) over the current range. */
export function explorerSeries(state: ExplorerState): CurveSeries[] {
  const a = getActivation(state.activation);
  const params = resolvedParams(a, state.params);
  const domain = [-state.halfRange, state.halfRange] as const;
  return [
    {
      key: 'f',
      label: `${a.name}`,
      color: 'var(--curve-1)',
      ...sampleActivation(a, domain, { params }),
    },
    {
      key: 'df',
      label: `${a.name} derivative`,
      color: 'var(--curve-2)',
      dashed: true,
      ...sampleActivation(a, domain, { params, derivative: true }),
    },
  ];
}

/** Plot options for the explorer figure at a pixel width. */
export function explorerPlotOptions(
  state: ExplorerState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const a = getActivation(state.activation);
  return curvePlotOptions({
    series: explorerSeries(state),
    xDomain: [-state.halfRange, state.halfRange],
    width,
    height: Math.round(Math.min(400, Math.max(260, width * 0.58))),
    className: `af-plot-${figureId}`,
    description: `${a.name} (solid) and its derivative (dashed) for x from ${-state.halfRange} to ${state.halfRange}, cursor at x = ${state.cursor}.`,
    cursorX: state.cursor,
  });
}

/** The cursor readout: exact values from the module, not interpolated from the samples. */
export function readout(state: ExplorerState): { x: number; f: number; df: number } {
  const a = getActivation(state.activation);
  const params = resolvedParams(a, state.params);
  return { x: state.cursor, f: a.f(state.cursor, params), df: a.df(state.cursor, params) };
}

/** A double in full precision: the shortest decimal that reads back as the same double. */
export function formatFull(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** A parameter value as typed in a formula: short, but never rounded to a different slider step. */
export function formatParam(value: number, spec: ParamSpec): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(spec.step)));
  return value.toFixed(Math.min(decimals, 6));
}

/**
 * The TeX formula with each parameter symbol replaced by its current value, so the formula on
 * screen is the function on screen. A symbol only matches as a whole token (`\alpha` not inside
 * `\alphabet`, `a` not inside `cases`).
 */
export function substituteParams(
  tex: string,
  specs: readonly ParamSpec[],
  params: Readonly<Record<string, number>>,
): string {
  let out = tex;
  for (const spec of specs) {
    const value = params[spec.name] ?? spec.default;
    const escaped = spec.symbol.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    // A command (\\alpha) must not continue into letters; a plain letter (a) must also not be
    // part of a word or a command name (the a in \\begin{cases}).
    const head = /^\\/.test(spec.symbol) ? '' : '(?<![a-zA-Z\\\\])';
    out = out.replace(
      new RegExp(head + escaped + '(?![a-zA-Z])', 'g'),
      `{${formatParam(value, spec)}}`,
    );
  }
  return out;
}

/** Moves the cursor by `steps` hundredths of the visible range, clamped to it. */
export function stepCursor(state: ExplorerState, steps: number): number {
  const step = state.halfRange / 50;
  const next = Math.round((state.cursor + steps * step) / step) * step;
  return clamp(Number(next.toPrecision(12)), -state.halfRange, state.halfRange);
}

/** Clamps to [lo, hi]; NaN becomes lo. */
export function clamp(v: number, lo: number, hi: number): number {
  return v >= lo ? (v <= hi ? v : hi) : lo;
}

/**
 * URL parameters: `range` (a zoom level), `cursor`, and one per parameter of the activation under
 * its own name (`alpha`...). The activation itself is fixed by the lesson and stays out of the URL.
 */
export const explorerUrl: UrlCodec<ExplorerState> = {
  table(initial) {
    const a = getActivation(initial.activation);
    const table: Record<string, UrlParamSpec> = {
      range: {
        kind: 'enum',
        values: numberChoices(zoomLevels, initial.halfRange),
        default: String(initial.halfRange),
      },
      cursor: {
        kind: 'number',
        min: -zoomLevels[zoomLevels.length - 1]!,
        max: zoomLevels[zoomLevels.length - 1]!,
        default: initial.cursor,
      },
    };
    for (const p of a.params)
      table[p.name] = {
        kind: 'number',
        min: p.min,
        max: p.max,
        default: initial.params[p.name] ?? p.default,
      };
    return table;
  },
  encode(state) {
    return {
      range: String(state.halfRange),
      cursor: state.cursor,
      ...resolvedParams(getActivation(state.activation), state.params),
    };
  },
  decode(values, initial) {
    const a = getActivation(initial.activation);
    const halfRange = Number(values['range']);
    const params: Record<string, number> = {};
    for (const p of a.params)
      params[p.name] = values[p.name] === undefined ? p.default : numberOf(values, p.name);
    // A cursor outside the chosen range is legal on its own; clamp it so the pair is consistent.
    return {
      activation: initial.activation,
      halfRange,
      params,
      cursor: clamp(numberOf(values, 'cursor'), -halfRange, halfRange),
    };
  },
};

/** Curve data for download: x, f(x), f'(x) at the plotted samples. */
export function explorerCsv(state: ExplorerState): CsvTable {
  const [f, df] = explorerSeries(state);
  const name = getActivation(state.activation).name;
  return {
    header: ['x', `${name} f(x)`, `${name} f'(x)`],
    rows: Array.from(f?.xs ?? [], (x, i) => [x, f?.ys[i] ?? NaN, df?.ys[i] ?? NaN]),
  };
}
