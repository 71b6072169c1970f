/**
 * The playground's settings: the URL table (every hyperparameter and the seed, never weights),
 * and the pure translation of one settings object into the engine's spec, training options and
 * dataset. The same object drives the worker, the URL and the build-time figure, so a URL
 * reproduces a run exactly.
 */
import { activationIds } from '../../lib/activations/types.ts';
import { datasetKinds, makeDataset, type Dataset } from '../../lib/data/index.ts';
// The constants only: the expression compiler itself loads with custom.ts, when a run needs it.
import { MAX_LENGTH } from '../../lib/expr/ast.ts';
import { paramsMaxLength, paramsPattern } from '../../lib/expr/params.ts';
import { initIds, optimizerIds, type MlpSpec, type TrainOptions } from '../../lib/nn/index.ts';
import type { ParamTable, ParamValues } from '../../lib/url-state.ts';
import { clampPoints, pointsMaxLength, pointsPattern, withAddedPoints } from './added-points.ts';

/**
 * Hidden-layer activation choices: every registry id, then `custom`, the reader's expression in
 * `expr` (with parameter values in `exprp`, as `name:value,…`), compiled where the network is built
 * (custom.ts, which a page loads only for a custom run).
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
  // EXTENT is declared below; the clean-up reads it only when a value is parsed.
  pts: { kind: 'text', pattern: pointsPattern, maxLength: pointsMaxLength, default: '', normalize: (v: string) => clampPoints(v, EXTENT) },
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
 * The network spec for a config, but for a custom activation (see custom.ts `specOf`, which adds
 * it): half squared error on signed labels. The output is linear by default, so a too-high
 * learning rate really diverges (a tanh output saturates and its zero derivative stops the
 * updates, which hides the problem instead of showing it).
 */
export function registrySpecOf(c: Config): MlpSpec {
  return {
    sizes: [2, ...Array.from({ length: c.layers }, () => c.width), 1],
    // A custom activation still needs a registry id beside it (what the engine reports if the function is lost).
    activation: c.act === 'custom' ? FALLBACK_ACTIVATION : c.act,
    outputActivation: c.out,
    loss: 'mse',
    init: c.init,
    biasInit: c.bias,
    seed: c.seed,
  };
}

/** What a custom activation that does not parse is replaced by. */
export const FALLBACK_ACTIVATION = 'tanh';

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
