/**
 * The notebook cell's pure model: URL round trip (including text that does not parse), the
 * error caret, the robust y range, the plotted series and the playground link.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpression } from '../../src/lib/expr/index.ts';
import {
  cellFunction,
  cellPlotOptions,
  cellSeries,
  errorSnippet,
  fallbackFunction,
  initialState,
  playgroundHref,
  cellCsv,
  cellUrl,
  robustYDomain,
  type CellState,
} from '../../src/widgets/expression-cell/model.ts';
import { queryWithState, stateFromQuery } from '../../src/widgets/shared/url-codec.ts';

describe('expression cell model', () => {
  it('round-trips its state through the URL, invalid text included', () => {
    const state: CellState = {
      text: 'x * (1 +',
      params: { beta: 2.5 },
      compare: 'gelu',
      halfRange: 10,
    };
    const query = queryWithState(cellUrl, initialState, state, 'expr', 'keep=1');
    expect(query).toContain('keep=1');
    expect(stateFromQuery(cellUrl, initialState, query, 'expr')).toEqual({ state, notices: [] });
    expect(queryWithState(cellUrl, initialState, initialState, 'expr')).toBe('');
  });

  it('garbage in the URL gives defaults and notices, never an exception', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (f, p, vs) => {
        const q = new URLSearchParams({
          'expr.f': f,
          'expr.p': p,
          'expr.vs': vs,
          'expr.r': f,
        }).toString();
        const { state } = stateFromQuery(cellUrl, initialState, q, 'expr');
        expect(typeof state.text).toBe('string');
        expect(state.text.length).toBeLessThanOrEqual(200);
        expect([2, 4, 6, 10, 20]).toContain(state.halfRange);
      }),
      { numRuns: 300 },
    );
    expect(
      stateFromQuery(cellUrl, initialState, 'expr.vs=nope&expr.zz=1', 'expr').notices,
    ).toHaveLength(2);
  });

  it('puts the caret under the bad character, also in a long text', () => {
    expect(errorSnippet('x * (1 +', 8)).toEqual({ line: 'x * (1 +', caret: '        ^' });
    const long = `${'x + '.repeat(30)}$ + x`;
    const { line, caret } = errorSnippet(long, 120, 10);
    expect(line.startsWith('…')).toBe(true);
    expect(line[caret.length - 1]).toBe('$');
  });

  it('keeps a pole or an exploding tail from flattening the plot', () => {
    const parsed = parseExpression('1 / x');
    if (!parsed.ok) throw new Error('parse');
    const [lo, hi] = robustYDomain(cellSeries(cellFunction(parsed, {}), initialState));
    expect(hi).toBeLessThan(100);
    expect(lo).toBeGreaterThan(-100);
  });

  it("plots f and f', plus a compared built-in, and links to the playground", () => {
    const fn = fallbackFunction();
    expect(cellSeries(fn, initialState).map((s) => s.key)).toEqual(['f', 'df']);
    expect(cellSeries(fn, { ...initialState, compare: 'relu' }).map((s) => s.key)).toEqual([
      'f',
      'df',
      'cmp',
      'dcmp',
    ]);
    expect(cellPlotOptions(fn, initialState, 640, 'cell').ariaDescription).toContain(
      'x * sigmoid(1.702 * x)',
    );
    const parsed = parseExpression('x * sigmoid(beta * x)');
    if (!parsed.ok) throw new Error('parse');
    const href = playgroundHref('/sub/', cellFunction(parsed, { beta: 2 }), { beta: 2 });
    expect(href).toBe(
      '/sub/playground/?train.act=custom&train.expr=x+*+sigmoid%28beta+*+x%29&train.exprp=beta%3A2',
    );
  });

  it("exports x, f and f', and the compared built-in, as CSV", () => {
    const parsed = parseExpression('x * sigmoid(beta * x)');
    if (!parsed.ok) throw new Error('parse');
    const fn = cellFunction(parsed, { beta: 2 });
    const plain = cellCsv(fn, initialState);
    expect(plain.header).toEqual(['x', 'f(x) = x * sigmoid(beta * x)', "f'(x)"]);
    expect(plain.rows).toHaveLength(401);
    const [x, f, df] = plain.rows[300] as [number, number, number];
    expect(f).toBeCloseTo(x / (1 + Math.exp(-2 * x)), 12);
    expect(df).toBe(fn.compiled.df(x));
    const vs = cellCsv(fn, { ...initialState, compare: 'relu' });
    expect(vs.header.slice(3)).toEqual(['ReLU f(x)', "ReLU f'(x)"]);
    for (const row of vs.rows) expect(row).toHaveLength(5);
  });
});
