/**
 * No figure flattens a curve against its frame. A y scale that clamps draws every value beyond
 * the top along the top edge, which reads as saturation (ReLU levelling off at y = 2 on the page
 * that teaches it does not). The check renders each figure as the build does (Plot with a
 * server-side document), reads every vertex of every line and every dot, and requires that a
 * vertex on the top or bottom edge is where the figure's own function really meets that edge, to a
 * pixel. It runs over every figure of every lesson (the embed pages render the same props), the
 * notebook cell, live states the controls reach, and random figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { getActivation } from '../../src/lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../src/lib/activations/types.ts';
import { parseExpression } from '../../src/lib/expr/parser.ts';
import { cutToFrame, type Domain } from '../../src/lib/plots/curves.ts';
import { figuresInMdx, type MdxFigure } from '../../src/build/mdx-figures.ts';
import { activationPlotOptions } from '../../src/widgets/activation-plot/figure.ts';
import {
  chainPlotOptions,
  chainProducts,
  floor,
  maxDepth,
  sigmoidBound,
  type ChainRuleState,
} from '../../src/widgets/chain-rule/model.ts';
import {
  comparePlotOptions,
  compareModes,
  type CompareMode,
} from '../../src/widgets/compare/model.ts';
import {
  cellFunction,
  cellPlotOptions,
  fallbackFunction,
  initialState,
  type CellFunction,
} from '../../src/widgets/expression-cell/model.ts';
import {
  explorerPlotOptions,
  resolvedParams,
  zoomLevels,
} from '../../src/widgets/explorer/model.ts';
import { identityPlotOptions, morph } from '../../src/widgets/tanh-identity/model.ts';

/** A function the figure draws: its value at x, in data units. */
type Oracle = (x: number) => number;

interface FigureCase {
  readonly name: string;
  readonly options: Plot.PlotOptions;
  readonly oracles: readonly Oracle[];
}

interface Scale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly type: string;
  apply(v: number): number;
  invert(v: number): number;
}

/** Vertices of a Plot line path (`M x,y L x,y ...`, the linear curve's output). */
function vertices(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+(?:e[-+]?\d+)?),(-?[\d.]+(?:e[-+]?\d+)?)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/**
 * Every drawn vertex (line vertices, dot centres) that is off the frame, or on its top or bottom
 * edge where none of the oracles is within a pixel of that edge. Markers labelled "leaves the
 * frame" are the arrowheads that say a curve goes on; they sit on the edge by design.
 */
export function flattenedPoints(options: Plot.PlotOptions, oracles: readonly Oracle[]): string[] {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    ...options,
    document: document as unknown as Document,
  }) as unknown as Element & { scale(name: string): Scale };
  const x = svg.scale('x');
  const y = svg.scale('y');
  const top = Math.min(...y.range);
  const bottom = Math.max(...y.range);
  const drawn: [number, number][] = [];
  for (const path of svg.querySelectorAll('g[aria-label="line"] path'))
    drawn.push(...vertices(path.getAttribute('d') ?? ''));
  for (const dot of svg.querySelectorAll('g[aria-label="dot"] circle'))
    drawn.push([Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))]);
  // The scale's own `apply` would clamp too, so values map to pixels here, unclamped.
  const [d0, d1] = y.domain.map((v) => (y.type === 'log' ? Math.log(v) : v)) as [number, number];
  const toPixel = (v: number): number => {
    const t = y.type === 'log' ? (v > 0 ? Math.log(v) : -Infinity) : v;
    return y.range[0] + ((t - d0) / (d1 - d0)) * (y.range[1] - y.range[0]);
  };
  const bad: string[] = [];
  for (const [px, py] of drawn) {
    if (py < top - 0.5 || py > bottom + 0.5) {
      bad.push(`(${px.toFixed(1)}, ${py.toFixed(1)}) is outside the frame [${top}, ${bottom}]`);
      continue;
    }
    const edge =
      Math.abs(py - top) <= 0.5 ? top : Math.abs(py - bottom) <= 0.5 ? bottom : undefined;
    if (edge === undefined) continue;
    // The vertex is honest if some curve touches or crosses the edge within two pixels of it: a
    // crossing between two samples lands there, and so does a jump at a discontinuity (the
    // step, ReLU'), which linear interpolation puts somewhere in a sample interval, 1.5 px wide
    // at 401 samples. A clamped value sits tens of pixels from where its curve meets the edge.
    // Quarter-pixel steps: at a jump that starts just past the edge (hard-swish' rising to 1.5
    // under a top of 1.498, then falling to 1 at x = 3), the curve meets the edge 0.3 px from the
    // vertex and is already a pixel below it one whole pixel away.
    const near = Array.from({ length: 17 }, (_, i) => x.invert(px - 2 + i / 4));
    const meets = oracles.some((f) => {
      const ps = near.map((at) => toPixel(f(at))).filter((p) => !Number.isNaN(p));
      return ps.length > 0 && Math.min(...ps) <= edge + 1 && Math.max(...ps) >= edge - 1;
    });
    if (!meets) {
      const at = x.invert(px);
      bad.push(
        `x = ${at.toPrecision(4)} is drawn on the ${edge === top ? 'top' : 'bottom'} edge, where the curves are ${oracles.map((f) => f(at).toPrecision(3)).join(', ')}`,
      );
    }
  }
  return bad;
}

const width = 640;

function activationOracles(ids: readonly ActivationId[], derivative: boolean): Oracle[] {
  return ids.flatMap((id) => {
    const a = getActivation(id);
    return derivative ? [(x: number) => a.f(x), (x: number) => a.df(x)] : [(x: number) => a.f(x)];
  });
}

function compareCase(
  name: string,
  ids: readonly ActivationId[],
  mode: CompareMode,
  halfRange: number,
): FigureCase {
  const oracles = ids.map((id): Oracle => {
    const a = getActivation(id);
    return mode === 'f' ? (x) => a.f(x) : mode === 'df' ? (x) => a.df(x) : (x) => Math.abs(a.df(x));
  });
  return {
    name,
    options: comparePlotOptions({ ids: [...ids], mode, halfRange }, width, 'g'),
    oracles,
  };
}

/** The chain-rule products between layers, as the figure joins them: straight in log space. */
function chainOracles(state: ChainRuleState): Oracle[] {
  const depth = Math.round(state.depth);
  const logLinear =
    (value: (layer: number) => number): Oracle =>
    (x) => {
      const i = Math.min(depth - 1, Math.max(1, Math.floor(x)));
      const a = value(i);
      const b = value(i + 1);
      const t = Math.min(1, Math.max(0, x - i));
      return a > 0 && b > 0 ? Math.exp(Math.log(a) * (1 - t) + Math.log(b) * t) : t < 0.5 ? a : b;
    };
  return [
    ...chainProducts(state).map(({ products }) => logLinear((layer) => products[layer - 1] ?? NaN)),
    logLinear((layer) => sigmoidBound(layer, state.weight)),
  ];
}

function cellOracles(fn: CellFunction): Oracle[] {
  return [(x) => fn.compiled.f(x), (x) => fn.compiled.df(x)];
}

/** The cases of one figure as a lesson places it, plus the states its controls reach. */
function casesOf(figure: MdxFigure, lesson: string): FigureCase[] {
  const p = figure.props;
  const name = `${lesson} #fig-${figure.id}`;
  switch (figure.component) {
    case 'ActivationPlot': {
      const ids = p['ids'] as ActivationId[];
      const derivative = p['derivative'] === true;
      const domain = (p['domain'] as Domain | undefined) ?? [-6, 6];
      const yDomain = p['yDomain'] as Domain | undefined;
      const options = activationPlotOptions(
        {
          figureId: figure.id,
          ids,
          derivative,
          domain,
          ...(yDomain ? { yDomain } : {}),
          description: name,
        },
        width,
      );
      return [{ name, options, oracles: activationOracles(ids, derivative) }];
    }
    case 'CompareActivations': {
      const ids = p['ids'] as ActivationId[];
      // Every mode at its default range, with the figure's functions and with all of them.
      return (Object.keys(compareModes) as CompareMode[]).flatMap((mode) => {
        const half = (p['halfRange'] as number | undefined) ?? (mode === 'logdf' ? 16 : 5);
        return [
          compareCase(`${name} (${mode})`, ids, mode, half),
          compareCase(`${name} (${mode}, every function)`, activationIds, mode, half),
        ];
      });
    }
    case 'ActivationExplorer': {
      const id = p['activation'] as ActivationId;
      const a = getActivation(id);
      return zoomLevels.map((halfRange) => ({
        name: `${name} (±${halfRange})`,
        options: explorerPlotOptions(
          { activation: id, halfRange, params: resolvedParams(a, {}), cursor: 1 },
          width,
          'g',
        ),
        oracles: activationOracles([id], true),
      }));
    }
    case 'ChainRule': {
      const depth = (p['depth'] as number | undefined) ?? 10;
      const states: ChainRuleState[] = [
        { depth, mean: 0, spread: 1, seed: 1, weight: 1, bias: 0 },
        { depth: maxDepth, mean: 3, spread: 0, seed: 1, weight: 1, bias: 0 },
        { depth: maxDepth, mean: -3, spread: 4, seed: 7, weight: 1, bias: 0 },
        // Growing products: the lesson's w = 8, b = -4, and the largest weight at z = 0.
        { depth: maxDepth, mean: 0.5, spread: 0, seed: 1, weight: 8, bias: -4 },
        { depth: maxDepth, mean: 0, spread: 0, seed: 1, weight: 10, bias: 0 },
        { depth: maxDepth, mean: 1, spread: 2, seed: 3, weight: -6, bias: 1 },
      ];
      return states.map((s) => ({
        name: `${name} ${JSON.stringify(s)}`,
        options: chainPlotOptions(s, width, 'g'),
        oracles: chainOracles(s),
      }));
    }
    case 'TanhIdentity':
      return [0, 0.5, 1].map((t) => ({
        name: `${name} (t = ${t})`,
        options: identityPlotOptions({ t, halfRange: 4 }, width, 'g'),
        oracles: [(x: number) => getActivation('tanh').f(x), (x: number) => morph(x, t)],
      }));
    case 'ExpressionCell': {
      const fn = fallbackFunction();
      return [
        { name, options: cellPlotOptions(fn, initialState, width, 'g'), oracles: cellOracles(fn) },
      ];
    }
    default:
      // Float pitfalls plots dots of an error, not a curve; training demos fit their axes to the data.
      return [];
  }
}

const lessonsDir = 'content/lessons';
const lessonCases = readdirSync(lessonsDir)
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((file) =>
    figuresInMdx(readFileSync(join(lessonsDir, file), 'utf8'), file).flatMap((fig) =>
      casesOf(fig, file),
    ),
  );

describe('no figure flattens a curve at its frame', () => {
  test('the lessons have figures with a fixed y range to check', () => {
    expect(lessonCases.length).toBeGreaterThan(20);
  });

  test.each(lessonCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(flattenedPoints(c.options, c.oracles)).toEqual([]);
  });

  test.each(['exp(x)', '1/x', 'x^3 - 4*x', 'log(x)', 'sqrt(x)', 'x*sigmoid(x)'])(
    'notebook cell: %s',
    (source) => {
      const parsed = parseExpression(source);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const fn = cellFunction(parsed, {});
      for (const compare of ['none', 'relu', 'selu'] as const) {
        expect(
          flattenedPoints(
            cellPlotOptions(fn, { ...initialState, compare }, width, 'g'),
            cellOracles(fn),
          ),
        ).toEqual([]);
      }
    },
  );

  test('any activations in any y range', () => {
    fc.assert(
      fc.property(
        fc.subarray([...activationIds], { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.double({ min: -3, max: 0.5, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        (ids, derivative, lo, span) => {
          const yDomain: Domain = [lo, lo + span];
          const options = activationPlotOptions(
            { figureId: 'g', ids, derivative, domain: [-6, 6], yDomain, description: '' },
            width,
          );
          expect(flattenedPoints(options, activationOracles(ids, derivative))).toEqual([]);
        },
      ),
      {
        numRuns: 100,
        // Found by a CI run (seed 81836528): the re-entry vertex of hard-swish' at its jump.
        examples: [[['hard-swish'], true, 0, 1.4980084915197125]],
      },
    );
  });

  test('the check catches a clamped scale', () => {
    const relu = getActivation('relu');
    const data = Array.from({ length: 121 }, (_, i) => ({
      x: -6 + i / 10,
      y: relu.f(-6 + i / 10),
    }));
    const clamped: Plot.PlotOptions = {
      width,
      height: 300,
      y: { domain: [-1.5, 2], clamp: true },
      marks: [Plot.line(data, { x: 'x', y: 'y' })],
    };
    expect(flattenedPoints(clamped, [(x) => relu.f(x)]).length).toBeGreaterThan(30);
  });
});

describe('cutToFrame', () => {
  test('a line leaving the top ends on the edge where it crosses it, and says so', () => {
    const { points, exits } = cutToFrame([0, 1, 2, 3], [0, 1, 3, 4], [-1, 2]);
    expect(points).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 1.5, y: 2 },
      { x: 2, y: NaN },
    ]);
    expect(exits).toEqual([{ x: 1.5, y: 2, direction: 'up' }]);
  });

  test('a line coming back in starts on the edge; one that jumps across the frame keeps its inside part', () => {
    expect(cutToFrame([0, 1, 2], [5, 1, 1], [0, 2]).points).toEqual([
      { x: 0.75, y: 2 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
    ]);
    const across = cutToFrame([0, 1], [-2, 4], [0, 2]);
    expect(across.points.filter((p) => !Number.isNaN(p.y))).toEqual([
      { x: 1 / 3, y: 0 },
      { x: 2 / 3, y: 2 },
    ]);
    expect(across.exits.map((e) => e.direction)).toEqual(['down', 'up']);
  });

  test('on a log axis it interpolates in log space, and a zero leaves without a made-up segment', () => {
    const { points, exits } = cutToFrame([1, 2, 3], [1, 1e-40, 0], [1e-30, 2], true);
    expect(points[0]).toEqual({ x: 1, y: 1 });
    expect(points[1]?.x).toBeCloseTo(1.75, 12);
    expect(points[1]?.y).toBe(1e-30);
    expect(exits).toHaveLength(1);
    const blocked = cutToFrame([1, 2, 3], [1, 1, 0], [floor, 2], true);
    expect(blocked.points.filter((p) => !Number.isNaN(p.y))).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 1 },
    ]);
    expect(blocked.exits).toEqual([{ x: 3, y: floor, direction: 'down' }]);
  });

  test('NaN breaks the line; values inside are untouched', () => {
    const { points, exits } = cutToFrame([0, 1, 2, 3], [0.5, NaN, 0.25, 0.75], [0, 1]);
    expect(points.map((p) => p.y)).toEqual([0.5, NaN, 0.25, 0.75]);
    expect(exits).toEqual([]);
  });
});
