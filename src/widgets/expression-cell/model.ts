/**
 * The notebook cell as pure functions of its state: the URL table, what it plots (the reader's f
 * and f', and optionally a built-in to compare with), the error snippet with its caret, and the
 * link that trains the expression in the playground. Shared by the build-time render and the
 * live element, and unit-tested without a browser.
 */
import type * as Plot from '@observablehq/plot';
import {
  activationIds,
  getActivation,
  isActivationId,
  type ActivationId,
} from '../../lib/activations/index.ts';
import {
  compileExpression,
  decodeParams,
  encodeParams,
  MAX_LENGTH,
  MAX_PARAMS,
  paramsMaxLength,
  paramsPattern,
  parseExpression,
  PARAM_DEFAULT,
  type CompiledExpression,
  type ParsedExpression,
} from '../../lib/expr/index.ts';
import {
  curvePlotOptions,
  sampleActivation,
  type CurveSeries,
  type Domain,
} from '../../lib/plots/curves.ts';
import type { CsvTable } from '../shared/csv.ts';
import { numberOf, type UrlCodec } from '../shared/url-codec.ts';

/** The expression shown before the reader types anything (Swish with β = 1.702, a GELU look-alike). */
export const defaultExpression = 'x * sigmoid(1.702 * x)';

/** A few expressions worth trying, for links and buttons. */
export const examples: readonly { readonly label: string; readonly text: string }[] = [
  { label: 'Swish, β = 1.702', text: 'x * sigmoid(1.702 * x)' },
  { label: 'Leaky ReLU', text: 'max(0.1 * x, x)' },
  { label: 'Softplus', text: 'log1p(exp(x))' },
  { label: 'Mish', text: 'x * tanh(softplus(x))' },
  { label: 'Swish with a slider', text: 'x * sigmoid(beta * x)' },
];

/** Half-widths offered for the plotted x range. */
export const rangeLevels = [2, 4, 6, 10, 20] as const;

/** The cell's whole state. */
export interface CellState {
  /** The text in the input, valid or not: nothing the reader typed is dropped. */
  readonly text: string;
  /** Parameter values by name (names not in the expression are kept but unused). */
  readonly params: Readonly<Record<string, number>>;
  /** A built-in drawn beside the expression, or `none`. */
  readonly compare: ActivationId | 'none';
  /** The plot spans [-halfRange, halfRange]. */
  readonly halfRange: number;
}

/** The build-time state. */
export const initialState: CellState = {
  text: defaultExpression,
  params: {},
  compare: 'none',
  halfRange: 6,
};

/** A parsed and compiled expression: what the plot shows. */
export interface CellFunction {
  readonly parsed: ParsedExpression;
  readonly compiled: CompiledExpression;
}

/** Compiles the parsed text with the state's parameter values. */
export function cellFunction(
  parsed: ParsedExpression,
  params: Readonly<Record<string, number>>,
): CellFunction {
  return { parsed, compiled: compileExpression(parsed.ast, params) };
}

/** The default expression, compiled: what is plotted until the reader's text first parses. */
export function fallbackFunction(): CellFunction {
  const parsed = parseExpression(defaultExpression);
  if (!parsed.ok) throw new Error(`default expression does not parse: ${parsed.error.message}`);
  return cellFunction(parsed, {});
}

/** The display name of a built-in (for the legend). */
export function activationName(id: ActivationId): string {
  return getActivation(id).name;
}

/** A parameter's value: the state's if set, else the default. */
export function paramOf(params: Readonly<Record<string, number>>, name: string): number {
  const v = Object.hasOwn(params, name) ? params[name] : undefined;
  return v ?? PARAM_DEFAULT;
}

/** Up to `radius` characters either side of the error, and a caret line under the bad one. */
export function errorSnippet(
  text: string,
  position: number,
  radius = 24,
): { line: string; caret: string } {
  const from = Math.max(0, position - radius);
  const to = Math.min(text.length, position + radius);
  const head = from > 0 ? '…' : '';
  const line = `${head}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  return { line, caret: `${' '.repeat(head.length + position - from)}^` };
}

/** Evenly spaced samples of a compiled expression (f or f'). */
function sample(
  fn: CompiledExpression,
  domain: Domain,
  derivative: boolean,
  n = 401,
): { xs: Float64Array; ys: Float64Array } {
  const xs = Float64Array.from(
    { length: n },
    (_, i) => domain[0] + ((domain[1] - domain[0]) * i) / (n - 1),
  );
  const ys = new Float64Array(n);
  if (derivative) fn.dfInto(xs, ys);
  else fn.fInto(xs, ys);
  return { xs, ys };
}

/** The reader's f (solid) and f' (dashed), then the compared built-in's in other colours. */
export function cellSeries(fn: CellFunction, state: CellState): CurveSeries[] {
  const domain: Domain = [-state.halfRange, state.halfRange];
  const series: CurveSeries[] = [
    { key: 'f', label: 'f(x)', color: 'var(--curve-1)', ...sample(fn.compiled, domain, false) },
    {
      key: 'df',
      label: "f'(x)",
      color: 'var(--curve-2)',
      dashed: true,
      ...sample(fn.compiled, domain, true),
    },
  ];
  if (state.compare !== 'none') {
    const a = getActivation(state.compare);
    series.push(
      { key: 'cmp', label: a.name, color: 'var(--curve-3)', ...sampleActivation(a, domain) },
      {
        key: 'dcmp',
        label: `${a.name} derivative`,
        color: 'var(--curve-4)',
        dashed: true,
        ...sampleActivation(a, domain, { derivative: true }),
      },
    );
  }
  return series;
}

/**
 * A y range that shows the shape: the 1st to 99th percentile of the finite values, padded, and
 * always including 0, so one pole (1/x) or one exploding tail (exp(x)) does not flatten the rest.
 */
export function robustYDomain(series: readonly CurveSeries[]): Domain {
  const values: number[] = [];
  for (const s of series)
    for (let i = 0; i < s.ys.length; i++) if (Number.isFinite(s.ys[i])) values.push(s.ys[i] ?? 0);
  if (values.length === 0) return [-1, 1];
  values.sort((a, b) => a - b);
  const q = (p: number): number =>
    values[Math.min(values.length - 1, Math.floor(p * (values.length - 1)))] ?? 0;
  const lo = Math.min(0, q(0.01));
  const hi = Math.max(0, q(0.99));
  const pad = Math.max((hi - lo) * 0.08, 0.1);
  return [lo - pad, hi + pad];
}

/** Plot options for the cell at a pixel width. */
export function cellPlotOptions(
  fn: CellFunction,
  state: CellState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const series = cellSeries(fn, state);
  const vs =
    state.compare === 'none'
      ? ''
      : `, with ${getActivation(state.compare).name} and its derivative for comparison`;
  return curvePlotOptions({
    series,
    xDomain: [-state.halfRange, state.halfRange],
    yDomain: robustYDomain(series),
    width,
    height: Math.round(Math.min(400, Math.max(260, width * 0.58))),
    className: `af-plot-${figureId}`,
    description: `f(x) = ${fn.parsed.source} (solid) and its derivative (dashed) for x from ${-state.halfRange} to ${state.halfRange}${vs}.`,
  });
}

/** The playground URL that trains this expression (`base` is the site's base path, ending in /). */
export function playgroundHref(
  base: string,
  fn: CellFunction,
  params: Readonly<Record<string, number>>,
): string {
  const q = new URLSearchParams({ 'train.act': 'custom', 'train.expr': fn.parsed.source });
  const values = Object.fromEntries(fn.parsed.params.map((n) => [n, paramOf(params, n)]));
  const p = encodeParams(fn.parsed.params, values);
  if (p) q.set('train.exprp', p);
  return `${base}playground/?${q.toString()}`;
}

/** Snaps a half-width to the nearest offered level (a URL may carry any number in range). */
export function snapRange(r: number): number {
  return rangeLevels.reduce(
    (best, z) => (Math.abs(z - r) < Math.abs(best - r) ? z : best),
    rangeLevels[0],
  );
}

/** The parameter names the state's text uses; every name in the state when the text does not parse. */
function paramNames(state: Pick<CellState, 'text' | 'params'>): readonly string[] {
  const parsed = parseExpression(state.text);
  return parsed.ok ? parsed.params : Object.keys(state.params);
}

/**
 * The parameter values that belong with `text`: only its own names when it parses (a slider of a
 * name the reader has since deleted is dropped), all of them when it does not (the last valid
 * expression's sliders are still on screen). Never more than the URL can hold, and -0 is 0.
 */
export function keepParams(
  text: string,
  params: Readonly<Record<string, number>>,
): Record<string, number> {
  const names = paramNames({ text, params });
  const out: Record<string, number> = {};
  for (const name of names.slice(0, MAX_PARAMS)) {
    const v = Object.hasOwn(params, name) ? params[name] : undefined;
    if (v === undefined || !Number.isFinite(v)) continue;
    // A value that would push the URL parameter past its length limit is left at its default.
    if (encodeParams([...Object.keys(out), name], { ...out, [name]: v }).length > paramsMaxLength)
      break;
    out[name] = v + 0;
  }
  return out;
}

/**
 * URL parameters (namespace: the cell's, `expr` on /notebook/): `f` the text, `p` the parameter
 * values (`beta:2,a:0.5`), `vs` the compared built-in, `r` the half-width. The text is free: its
 * pattern only excludes control characters, so a link keeps even an expression that does not
 * parse yet, and the parser, not the URL layer, says what is wrong with it. `r` accepts any
 * number in 1…50 and snaps to the nearest offered level, as links written before the picker did.
 */
export const cellUrl: UrlCodec<CellState> = {
  table(initial) {
    return {
      f: { kind: 'text', pattern: /^[^\p{Cc}]*$/u, maxLength: MAX_LENGTH, default: initial.text },
      p: {
        kind: 'text',
        pattern: paramsPattern,
        maxLength: paramsMaxLength,
        default: encodeParams(paramNames(initial), initial.params),
      },
      vs: { kind: 'enum', values: ['none', ...activationIds], default: initial.compare },
      r: { kind: 'number', min: 1, max: 50, default: initial.halfRange },
    };
  },
  encode(state) {
    return {
      f: state.text,
      p: encodeParams(paramNames(state), state.params),
      vs: state.compare,
      r: state.halfRange,
    };
  },
  decode(values, initial) {
    const text = String(values['f'] ?? initial.text);
    const vs = String(values['vs']);
    return {
      text,
      params: keepParams(text, decodeParams(String(values['p'] ?? ''))),
      compare: vs === 'none' || isActivationId(vs) ? vs : initial.compare,
      halfRange: snapRange(numberOf(values, 'r')),
    };
  },
};

/** Curve data for download: x, the reader's f and f', and the compared built-in's if any. */
export function cellCsv(fn: CellFunction, state: CellState): CsvTable {
  const series = cellSeries(fn, state);
  const header = ['x', `f(x) = ${fn.parsed.source}`, "f'(x)"];
  if (state.compare !== 'none') {
    const name = getActivation(state.compare).name;
    header.push(`${name} f(x)`, `${name} f'(x)`);
  }
  const xs = series[0]?.xs ?? new Float64Array(0);
  return { header, rows: Array.from(xs, (x, i) => [x, ...series.map((s) => s.ys[i] ?? NaN)]) };
}
