/**
 * Chain-rule shrinkage as pure functions. Back-propagating through k layers multiplies the
 * gradient by one activation-derivative factor f'(z_i) per layer (times the weights, which this
 * figure sets aside). With pre-activations z_i = mean + spread * N(0,1), drawn from a seeded
 * generator, it plots the running product |f'(z_1) ... f'(z_i)| for sigmoid, tanh and ReLU on a
 * log scale, beside the sigmoid's ceiling 4^-i.
 */
import * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import { cutToFrame, exitMarks } from '../../lib/plots/curves.ts';
import { createRng } from '../../lib/random.ts';
import type { CsvTable } from '../shared/csv.ts';
import { numberOf, type UrlCodec } from '../shared/url-codec.ts';

/** The functions compared, in the order their colours are assigned. */
export const chainIds = ['sigmoid', 'tanh', 'relu'] as const;

/** Deepest network the slider offers. */
export const maxDepth = 40;

/** The widget's state. */
export interface ChainRuleState {
  /** Number of layers k. */
  readonly depth: number;
  /** Mean of the pre-activations. */
  readonly mean: number;
  /** Standard deviation of the pre-activations (0: every layer sees `mean`). */
  readonly spread: number;
  /** Seed of the pre-activation draw. */
  readonly seed: number;
}

/** The pre-activations z_1..z_maxDepth; the same draw for every function, so they compare fairly. */
export function preActivations(state: ChainRuleState): Float64Array {
  const rng = createRng(state.seed);
  const z = new Float64Array(maxDepth);
  for (let i = 0; i < maxDepth; i++) z[i] = state.mean + state.spread * rng.normal();
  return z;
}

/** Running products of |f'(z_i)| for layers 1..depth, per function. */
export function chainProducts(state: ChainRuleState): { id: (typeof chainIds)[number]; products: Float64Array }[] {
  const z = preActivations(state);
  const depth = Math.min(maxDepth, Math.max(1, Math.round(state.depth)));
  return chainIds.map((id) => {
    const a = getActivation(id);
    const products = new Float64Array(depth);
    let p = 1;
    for (let i = 0; i < depth; i++) {
      p *= Math.abs(a.df(z[i] ?? 0));
      products[i] = p;
    }
    return { id, products };
  });
}

/** The sigmoid's bound: its derivative never exceeds 1/4, so k factors give at most 4^-k. */
export function sigmoidCeiling(depth: number): number {
  return Math.pow(4, -depth);
}

/** Smallest value the log axis shows; smaller products (and exact zeros) sit below it. */
export const floor = 1e-30;

/** Largest value the log axis shows. */
export const top = 2;

/**
 * Plot options: one line per function, the ceiling dotted, log y. A product that falls below the
 * axis's floor (or to exactly 0, a blocked path) is cut where it crosses the floor and marked with
 * an arrowhead, never drawn along the floor as if it were 1e-30.
 */
export function chainPlotOptions(state: ChainRuleState, width: number, figureId: string): Plot.PlotOptions {
  const depth = Math.round(state.depth);
  const layers = Float64Array.from({ length: depth }, (_, i) => i + 1);
  const yDomain = [floor, top] as const;
  const ceiling = cutToFrame(layers, layers.map(sigmoidCeiling), yDomain, true);
  const colors = ['var(--curve-1)', 'var(--curve-2)', 'var(--curve-3)'];
  return {
    width,
    height: Math.round(Math.min(380, Math.max(240, width * 0.55))),
    className: `af-plot-${figureId}`,
    ariaDescription: `Gradient factor through ${state.depth} layers, log scale, for sigmoid, tanh and ReLU, with the sigmoid bound 4^-k dotted. A product that falls below ${floor} stops at the bottom edge, marked by an arrowhead.`,
    style: { background: 'transparent', overflow: 'visible' },
    x: { label: 'layers back-propagated through', domain: [1, Math.max(2, state.depth)], grid: true },
    y: { type: 'log', domain: [...yDomain], label: '|product of f′|', grid: true },
    marks: [
      Plot.line(ceiling.points, { x: 'x', y: 'y', stroke: 'var(--muted)', strokeDasharray: '2,4' }),
      // Dots as their own mark: Plot's `marker` option drops the whole line when the stroke is a
      // CSS variable, which ours always are.
      ...chainProducts(state).flatMap(({ products }, i) => {
        const stroke = colors[i] ?? 'currentColor';
        const { points, exits } = cutToFrame(layers, products, yDomain, true);
        const dots = points.filter((p) => Number.isFinite(p.y) && Number.isInteger(p.x));
        return [
          Plot.line(points, { x: 'x', y: 'y', stroke, strokeWidth: 2 }),
          Plot.dot(dots, { x: 'x', y: 'y', fill: stroke, r: 2.5 }),
          exitMarks(exits, stroke),
        ];
      }),
    ],
  };
}

/** A product for the readout: exponent notation, and 0 said plainly. */
export function formatProduct(p: number): string {
  return p === 0 ? '0 (path blocked)' : p.toExponential(3);
}

/** Ranges of the controls (and of the URL parameters): mean and spread of z, and the seed. */
export const chainBounds = { mean: [-3, 3], spread: [0, 4], seed: [1, 9999] } as const;

/** URL parameters: `depth`, `mean`, `spread`, `seed`, in the ranges the controls offer. */
export const chainUrl: UrlCodec<ChainRuleState> = {
  table(initial) {
    return {
      depth: { kind: 'number', min: 1, max: maxDepth, integer: true, default: initial.depth },
      mean: { kind: 'number', min: chainBounds.mean[0], max: chainBounds.mean[1], default: initial.mean },
      spread: { kind: 'number', min: chainBounds.spread[0], max: chainBounds.spread[1], default: initial.spread },
      seed: { kind: 'number', min: chainBounds.seed[0], max: chainBounds.seed[1], integer: true, default: initial.seed },
    };
  },
  encode: (state) => ({ ...state }),
  decode: (values) => ({ depth: numberOf(values, 'depth'), mean: numberOf(values, 'mean'), spread: numberOf(values, 'spread'), seed: numberOf(values, 'seed') }),
};

/** The plotted data for download: per layer, each function's product and the 4^-k bound. */
export function chainCsv(state: ChainRuleState): CsvTable {
  const products = chainProducts(state);
  const depth = Math.round(state.depth);
  return {
    header: ['layer', ...products.map((p) => `${p.id} product`), 'bound 4^-k'],
    rows: Array.from({ length: depth }, (_, i) => [i + 1, ...products.map((p) => p.products[i] ?? NaN), sigmoidCeiling(i + 1)]),
  };
}
