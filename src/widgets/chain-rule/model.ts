/**
 * The chain rule through k one-unit layers, as pure functions. Layer i takes an input a_i,
 * computes z_i = w·a_i + b and outputs f(z_i); back-propagation multiplies the gradient by
 * ∂f(z_i)/∂a_i = w·f'(z_i) at every layer, the weight times the slope. The inputs a_i are drawn
 * from a seeded generator, a_i = mean + spread·N(0,1), the same draw for every function so they
 * compare fairly; with w = 1 and b = 0 the factor is f'(a_i) alone, the figure of the slopes that
 * this widget drew before it had weights. The figure plots the running products
 * |w·f'(z_1) ··· w·f'(z_i)| for sigmoid, tanh and ReLU on a log scale, beside the sigmoid's bound
 * (|w|/4)^i, which no draw can exceed because σ' ≤ 1/4.
 *
 * The weight is what lets a product grow with every output bounded: w = 8, b = −4 and a = ½ give
 * z = 0 and a sigmoid factor 8·¼ = 2 per layer, and σ(0) = ½ is again the next layer's a.
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
  /** Mean of the layer inputs a_i. */
  readonly mean: number;
  /** Standard deviation of the layer inputs (0: every layer sees `mean`). */
  readonly spread: number;
  /** Seed of the input draw. */
  readonly seed: number;
  /** The weight w of every layer: z = w·a + b, and each layer's factor is w·f'(z). */
  readonly weight: number;
  /** The bias b of every layer. */
  readonly bias: number;
}

/** The layer inputs a_1..a_maxDepth; the same draw for every function, so they compare fairly. */
export function layerInputs(state: ChainRuleState): Float64Array {
  const rng = createRng(state.seed);
  const a = new Float64Array(maxDepth);
  for (let i = 0; i < maxDepth; i++) a[i] = state.mean + state.spread * rng.normal();
  return a;
}

/** Running products of |w·f'(w·a_i + b)| for layers 1..depth, per function. */
export function chainProducts(
  state: ChainRuleState,
): { id: (typeof chainIds)[number]; products: Float64Array }[] {
  const a = layerInputs(state);
  const depth = Math.min(maxDepth, Math.max(1, Math.round(state.depth)));
  const w = state.weight;
  return chainIds.map((id) => {
    const act = getActivation(id);
    const products = new Float64Array(depth);
    let p = 1;
    for (let i = 0; i < depth; i++) {
      p *= Math.abs(w * act.df(w * (a[i] ?? 0) + state.bias));
      products[i] = p;
    }
    return { id, products };
  });
}

/**
 * The sigmoid's bound after k layers: σ' never exceeds 1/4, so each factor |w·σ'(z)| is at most
 * |w|/4 and k of them at most (|w|/4)^k (4^-k at w = 1).
 */
export function sigmoidBound(depth: number, weight: number): number {
  return Math.pow(Math.abs(weight) / 4, depth);
}

/** Smallest value the log axis shows; smaller products (and exact zeros) are cut where they cross it. */
export const floor = 1e-30;

/** Top of the log axis when nothing grows: a little above 1, the most a product can be without weights. */
export const top = 2;

/**
 * The y range of a state: from {@link floor} to {@link top}, raised to the next power of ten
 * above the largest product or bound drawn, so a growing product is drawn in full, never cut or
 * flattened at the top. Vanishing products are cut at the floor instead: below 1e-30 every
 * gradient is lost in practice, and an axis reaching 0 does not exist on a log scale.
 */
export function chainYDomain(state: ChainRuleState): readonly [number, number] {
  const depth = Math.round(state.depth);
  let largest = 0;
  for (const { products } of chainProducts(state))
    for (const p of products) largest = Math.max(largest, p);
  for (let k = 1; k <= depth; k++) largest = Math.max(largest, sigmoidBound(k, state.weight));
  return [floor, largest < top ? top : Math.pow(10, Math.floor(Math.log10(largest)) + 1)];
}

/**
 * A log-axis tick as a power of ten: `1`, `1e-30`, `1e12`. The tick values come from powers
 * computed in floating point, so the exponent is rounded; a tick between powers prints as is.
 */
export function powerOfTen(v: number): string {
  const k = Math.round(Math.log10(v));
  if (Math.abs(Math.log10(v) - k) > 1e-9) return String(v);
  return k === 0 ? '1' : `1e${k}`;
}

/**
 * Plot options: one line per function, the sigmoid's bound dotted, log y. A product that falls
 * below the axis's floor (or to exactly 0, a blocked path) is cut where it crosses the floor and
 * marked with an arrowhead, never drawn along the floor as if it were 1e-30.
 */
export function chainPlotOptions(
  state: ChainRuleState,
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const depth = Math.round(state.depth);
  const layers = Float64Array.from({ length: depth }, (_, i) => i + 1);
  const yDomain = chainYDomain(state);
  const bound = cutToFrame(
    layers,
    layers.map((k) => sigmoidBound(k, state.weight)),
    yDomain,
    true,
  );
  const colors = ['var(--curve-1)', 'var(--curve-2)', 'var(--curve-3)'];
  return {
    width,
    height: Math.round(Math.min(380, Math.max(240, width * 0.55))),
    className: `af-plot-${figureId}`,
    ariaDescription: `Product of the factors w·f′(z) through ${state.depth} layers with weight ${state.weight} and bias ${state.bias}, log scale, for sigmoid, tanh and ReLU, with the sigmoid's bound (|w|/4)^k dotted. A product that falls below ${floor} stops at the bottom edge, marked by an arrowhead.`,
    style: { background: 'transparent', overflow: 'visible' },
    x: {
      label: 'layers back-propagated through',
      domain: [1, Math.max(2, state.depth)],
      grid: true,
    },
    // Powers of ten as 1e-30 ... 1e40: the default SI prefixes run out at 1e24 and print 1e-30 as "0y".
    y: {
      type: 'log',
      domain: [...yDomain],
      label: '|product of w·f′(z)|',
      grid: true,
      tickFormat: powerOfTen,
    },
    marks: [
      Plot.line(bound.points, { x: 'x', y: 'y', stroke: 'var(--muted)', strokeDasharray: '2,4' }),
      // Dots as their own mark: Plot's `marker` option drops the whole line when the stroke is a
      // CSS variable, which ours always are.
      ...chainProducts(state).flatMap(({ products }, i) => {
        const stroke = colors[i] ?? 'currentColor';
        const { points, exits } = cutToFrame(layers, products, yDomain, true);
        // Before the first layer the product is 1, inside the frame: a product already below the
        // floor at layer 1 (ReLU on its corner gives 0) left the frame there, so it is marked there
        // too, instead of leaving its function with no trace on the figure.
        const first = products[0] ?? NaN;
        if (first < floor && !exits.some((e) => e.x === 1))
          exits.unshift({ x: 1, y: floor, direction: 'down' });
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

/**
 * Ranges of the controls (and of the URL parameters). The weight reaches ±10, past the ±8 of the
 * lesson's example; at 10 the largest possible product, tanh's at z = 0 for 40 layers, is 1e40,
 * which the axis still spans.
 */
export const chainBounds = {
  mean: [-3, 3],
  spread: [0, 4],
  seed: [1, 9999],
  weight: [-10, 10],
  bias: [-10, 10],
} as const;

/** URL parameters: `depth`, `mean`, `spread`, `seed`, `weight`, `bias`, in the ranges the controls offer. */
export const chainUrl: UrlCodec<ChainRuleState> = {
  table(initial) {
    return {
      depth: { kind: 'number', min: 1, max: maxDepth, integer: true, default: initial.depth },
      mean: {
        kind: 'number',
        min: chainBounds.mean[0],
        max: chainBounds.mean[1],
        default: initial.mean,
      },
      spread: {
        kind: 'number',
        min: chainBounds.spread[0],
        max: chainBounds.spread[1],
        default: initial.spread,
      },
      seed: {
        kind: 'number',
        min: chainBounds.seed[0],
        max: chainBounds.seed[1],
        integer: true,
        default: initial.seed,
      },
      weight: {
        kind: 'number',
        min: chainBounds.weight[0],
        max: chainBounds.weight[1],
        default: initial.weight,
      },
      bias: {
        kind: 'number',
        min: chainBounds.bias[0],
        max: chainBounds.bias[1],
        default: initial.bias,
      },
    };
  },
  encode: (state) => ({ ...state }),
  decode: (values) => ({
    depth: numberOf(values, 'depth'),
    mean: numberOf(values, 'mean'),
    spread: numberOf(values, 'spread'),
    seed: numberOf(values, 'seed'),
    weight: numberOf(values, 'weight'),
    bias: numberOf(values, 'bias'),
  }),
};

/** The plotted data for download: per layer, the input drawn, each function's product and the sigmoid's bound. */
export function chainCsv(state: ChainRuleState): CsvTable {
  const products = chainProducts(state);
  const inputs = layerInputs(state);
  const depth = Math.round(state.depth);
  return {
    header: [
      'layer',
      'input a',
      'z = w·a + b',
      ...products.map((p) => `${p.id} product of w·f'(z)`),
      'sigmoid bound (|w|/4)^k',
    ],
    rows: Array.from({ length: depth }, (_, i) => {
      const a = inputs[i] ?? NaN;
      return [
        i + 1,
        a,
        state.weight * a + state.bias,
        ...products.map((p) => p.products[i] ?? NaN),
        sigmoidBound(i + 1, state.weight),
      ];
    }),
  };
}
