/**
 * The notebook cell as pure functions of its state: the URL table, what it plots (the reader's f
 * and f', and optionally a built-in to compare with), the error snippet with its caret, and the
 * link that trains the expression in the playground. Shared by the build-time render and the
 * live element, and unit-tested without a browser.
 */
import type * as Plot from '@observablehq/plot';
import { activationIds, getActivation, isActivationId, type ActivationId } from '../../lib/activations/index.ts';
import {
  compileExpression,
  decodeParams,
  encodeParams,
  MAX_LENGTH,
  paramsMaxLength,
  paramsPattern,
  parseExpression,
  PARAM_DEFAULT,
  type CompiledExpression,
  type ParsedExpression,
} from '../../lib/expr/index.ts';
import { curvePlotOptions, sampleActivation, type CurveSeries, type Domain } from '../../lib/plots/curves.ts';
import { parseParams, serializeParams, type ParamTable } from '../../lib/url-state.ts';

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
export const initialState: CellState = { text: defaultExpression, params: {}, compare: 'none', halfRange: 6 };

/**
 * URL parameters (namespace `expr` by default). The expression is free text: the permissive
 * pattern only excludes control characters, so a link keeps even an expression that does not
 * parse yet, and the parser, not the URL layer, says what is wrong with it.
 */
export const cellTable = {
  f: { kind: 'text', pattern: /^[^\p{Cc}]*$/u, maxLength: MAX_LENGTH, default: defaultExpression },
  p: { kind: 'text', pattern: paramsPattern, maxLength: paramsMaxLength, default: '' },
  vs: { kind: 'enum', values: ['none', ...activationIds], default: 'none' },
  r: { kind: 'number', min: 1, max: 50, default: 6 },
} as const satisfies ParamTable;

/** A parsed and compiled expression: what the plot shows. */
export interface CellFunction {
  readonly parsed: ParsedExpression;
  readonly compiled: CompiledExpression;
}

/** Compiles the parsed text with the state's parameter values. */
export function cellFunction(parsed: ParsedExpression, params: Readonly<Record<string, number>>): CellFunction {
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
export function errorSnippet(text: string, position: number, radius = 24): { line: string; caret: string } {
  const from = Math.max(0, position - radius);
  const to = Math.min(text.length, position + radius);
  const head = from > 0 ? '…' : '';
  const line = `${head}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  return { line, caret: `${' '.repeat(head.length + position - from)}^` };
}

/** Evenly spaced samples of a compiled expression (f or f'). */
function sample(fn: CompiledExpression, domain: Domain, derivative: boolean, n = 401): { xs: Float64Array; ys: Float64Array } {
  const xs = Float64Array.from({ length: n }, (_, i) => domain[0] + ((domain[1] - domain[0]) * i) / (n - 1));
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
    { key: 'df', label: "f'(x)", color: 'var(--curve-2)', dashed: true, ...sample(fn.compiled, domain, true) },
  ];
  if (state.compare !== 'none') {
    const a = getActivation(state.compare);
    series.push(
      { key: 'cmp', label: a.name, color: 'var(--curve-3)', ...sampleActivation(a, domain) },
      { key: 'dcmp', label: `${a.name} derivative`, color: 'var(--curve-4)', dashed: true, ...sampleActivation(a, domain, { derivative: true }) },
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
  for (const s of series) for (let i = 0; i < s.ys.length; i++) if (Number.isFinite(s.ys[i])) values.push(s.ys[i] ?? 0);
  if (values.length === 0) return [-1, 1];
  values.sort((a, b) => a - b);
  const q = (p: number): number => values[Math.min(values.length - 1, Math.floor(p * (values.length - 1)))] ?? 0;
  const lo = Math.min(0, q(0.01));
  const hi = Math.max(0, q(0.99));
  const pad = Math.max((hi - lo) * 0.08, 0.1);
  return [lo - pad, hi + pad];
}

/** Plot options for the cell at a pixel width. */
export function cellPlotOptions(fn: CellFunction, state: CellState, width: number, figureId: string): Plot.PlotOptions {
  const series = cellSeries(fn, state);
  const vs = state.compare === 'none' ? '' : `, with ${getActivation(state.compare).name} and its derivative for comparison`;
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
export function playgroundHref(base: string, fn: CellFunction, params: Readonly<Record<string, number>>): string {
  const q = new URLSearchParams({ 'train.act': 'custom', 'train.expr': fn.parsed.source });
  const values = Object.fromEntries(fn.parsed.params.map((n) => [n, paramOf(params, n)]));
  const p = encodeParams(fn.parsed.params, values);
  if (p) q.set('train.exprp', p);
  return `${base}playground/?${q.toString()}`;
}

/** Snaps a half-width to the nearest offered level (a URL may carry any number in range). */
export function snapRange(r: number): number {
  return rangeLevels.reduce((best, z) => (Math.abs(z - r) < Math.abs(best - r) ? z : best), rangeLevels[0]);
}

/** The state a query string describes under `namespace`, and sentences for what was ignored. */
export function stateFromQuery(query: string, namespace: string): { state: CellState; notices: string[] } {
  const { values, notices } = parseParams(cellTable, query, namespace);
  const compare = values.vs === 'none' || isActivationId(values.vs) ? values.vs : 'none';
  return {
    state: { text: values.f, params: decodeParams(values.p), compare, halfRange: snapRange(values.r) },
    notices: notices.map((n) => n.message),
  };
}

/** `query` with this cell's parameters replaced by `state`'s (other parameters kept). */
export function queryOf(state: CellState, names: readonly string[], namespace: string, query: string): string {
  const values = { f: state.text, p: encodeParams(names, state.params), vs: state.compare, r: state.halfRange };
  return serializeParams(cellTable, values, namespace, query);
}
