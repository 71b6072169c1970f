/**
 * The playground's settings: the URL table (every hyperparameter and the seed, never weights),
 * and the pure translation of one settings object into the engine's spec, training options and
 * dataset. The same object drives the worker, the URL and the build-time figure, so a URL
 * reproduces a run exactly.
 */
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import { datasetKinds, makeDataset, type Dataset } from '../../lib/data/index.ts';
import { compileSource, decodeParams, MAX_LENGTH, paramsMaxLength, paramsPattern } from '../../lib/expr/index.ts';
import { initIds, optimizerIds, type CustomActivation, type MlpSpec, type TrainOptions } from '../../lib/nn/index.ts';
import type { ParamTable, ParamValues } from '../../lib/url-state.ts';
import { pointsMaxLength, pointsPattern, withAddedPoints } from './added-points.ts';

/**
 * Hidden-layer activation choices: every registry id, then `custom`, the reader's expression in
 * `expr` (with parameter values in `exprp`, as `name:value,…`), compiled where the network is built.
 */
export const playgroundActivations = [...activationIds, 'custom'] as const;

/** URL parameters of one playground, by short name (`train.act`, `train.lr`...). */
export const configTable = {
  act: { kind: 'enum', values: playgroundActivations, default: 'tanh' },
  out: { kind: 'enum', values: ['linear', 'tanh'], default: 'linear' },
  lr: { kind: 'number', min: 0, max: 100, default: 0.03 },
  batch: { kind: 'number', min: 1, max: 200, integer: true, default: 10 },
  layers: { kind: 'number', min: 0, max: 8, integer: true, default: 2 },
  width: { kind: 'number', min: 1, max: 16, integer: true, default: 6 },
  init: { kind: 'enum', values: initIds, default: 'xavier' },
  bias: { kind: 'number', min: -5, max: 5, default: 0 },
  opt: { kind: 'enum', values: optimizerIds, default: 'sgd' },
  l2: { kind: 'number', min: 0, max: 1, default: 0 },
  data: { kind: 'enum', values: datasetKinds, default: 'circle' },
  noise: { kind: 'number', min: 0, max: 1, default: 0 },
  seed: { kind: 'number', min: 0, max: 2 ** 31 - 1, integer: true, default: 1 },
  pts: { kind: 'text', pattern: pointsPattern, maxLength: pointsMaxLength, default: '' },
  // Free text (no control characters): the expression parser, not the URL layer, judges it.
  expr: { kind: 'text', pattern: /^[^\p{Cc}]*$/u, maxLength: MAX_LENGTH, default: '' },
  exprp: { kind: 'text', pattern: paramsPattern, maxLength: paramsMaxLength, default: '' },
} as const satisfies ParamTable;

/** One playground's settings. */
export type Config = ParamValues<typeof configTable>;

/** Points per dataset (before the split) and the share held out for testing. */
export const DATA_POINTS = 240;
/** Share of the points used as the test set. */
export const TEST_FRACTION = 0.3;
/** Side of the decision-boundary grid (GRID² evaluated points). */
export const GRID = 50;
/** Side of each per-neuron thumbnail grid. */
export const THUMB = 16;
/** Half-width of the plane shown: the datasets live in about [-6, 6]². */
export const EXTENT = 6;

/** Margin of the boundary plot on every side, in px: where the live canvas goes under it. */
export const BOUNDARY_MARGIN = 24;

export { planePoint, withPoint } from './added-points.ts';

/**
 * The network spec for a config: half squared error on signed labels. The output is linear by
 * default, so a too-high learning rate really diverges (a tanh output saturates and its zero
 * derivative stops the updates, which hides the problem instead of showing it).
 */
export function specOf(c: Config): MlpSpec {
  const custom = customActivationOf(c);
  return {
    sizes: [2, ...Array.from({ length: c.layers }, () => c.width), 1],
    // A custom activation still needs a registry id beside it (what the engine reports if the function is lost).
    activation: c.act === 'custom' ? FALLBACK_ACTIVATION : c.act,
    ...(custom ? { customActivation: custom } : {}),
    outputActivation: c.out,
    loss: 'mse',
    init: c.init,
    biasInit: c.bias,
    seed: c.seed,
  };
}

/** What a custom activation that does not parse is replaced by. */
export const FALLBACK_ACTIVATION = 'tanh';

/** The compiled custom activation of a config, or undefined (not custom, or not parseable). */
export function customActivationOf(c: Config): CustomActivation | undefined {
  if (c.act !== 'custom') return undefined;
  const r = compileSource(c.expr, decodeParams(c.exprp));
  if (!r.ok) return undefined;
  const { f, df, fInto, dfInto } = r.compiled;
  return { label: c.expr, f, df, fInto, dfInto };
}

/** The hidden layers' function: a registry id, or the compiled custom activation. */
export function hiddenActivationOf(c: Config): ActivationId | CustomActivation {
  const custom = customActivationOf(c);
  return custom ?? (c.act === 'custom' ? FALLBACK_ACTIVATION : c.act);
}

/**
 * A config whose custom activation is usable: an expression that does not parse falls back to
 * {@link FALLBACK_ACTIVATION}, with a sentence for the on-screen notice (the text stays in `expr`,
 * so nothing the reader typed is lost).
 */
export function checkCustom(c: Config, namespace: string): { config: Config; notices: string[] } {
  if (c.act !== 'custom') return { config: c, notices: [] };
  const r = compileSource(c.expr);
  if (r.ok) return { config: c, notices: [] };
  const why = c.expr === '' ? `${namespace}.expr is empty` : `${namespace}.expr: ${r.error.message}`;
  return { config: { ...c, act: FALLBACK_ACTIVATION }, notices: [`Could not use the custom activation (${why}); using ${FALLBACK_ACTIVATION}.`] };
}

/** Per-epoch training options for a config. */
export function trainOptionsOf(c: Config, instrument: boolean): TrainOptions {
  return { learningRate: c.lr, batchSize: c.batch, optimizer: c.opt, l2: c.l2, instrument };
}

/**
 * The dataset for a config; the seed drives points, split and weights alike. Points the reader
 * added (`pts`) join the training split, after the generated ones.
 */
export function datasetOf(c: Config): Dataset {
  const data = makeDataset({ kind: c.data, n: DATA_POINTS, noise: c.noise, seed: c.seed, testFraction: TEST_FRACTION });
  return withAddedPoints(data, c.pts);
}

/**
 * Row-major side×side grid of points covering [-EXTENT, EXTENT]², top row first (y decreasing),
 * so index r·side + c is pixel (c, r) of an image.
 */
export function gridPoints(side: number): Float64Array {
  const out = new Float64Array(2 * side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      out[2 * i] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / side;
      out[2 * i + 1] = EXTENT - ((r + 0.5) * 2 * EXTENT) / side;
    }
  }
  return out;
}

/** The URL table with each default replaced by a preset's value, so URLs store only deviations. */
export function tableFor(base: Config): typeof configTable {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(configTable)) out[key] = { ...spec, default: base[key as keyof Config] };
  return out as unknown as typeof configTable;
}

/** The table's defaults as a config. */
export const defaultConfig: Config = Object.fromEntries(
  Object.entries(configTable).map(([key, spec]) => [key, spec.default]),
) as Config;
