/**
 * The playground's settings: the URL table (every hyperparameter and the seed, never weights), its
 * codec for the shared URL layer (`playgroundUrl`, as every widget has one), and the pure
 * translation of one settings object into the engine's spec, training options and dataset. The
 * same object drives the worker, the URL, saved files and the build-time figure, so a URL
 * reproduces a run exactly; resolve.ts turns it into what a run needs, once per change.
 */
import { activationIds } from '../../lib/activations/types.ts';
import {
  datasetKinds,
  isRegression,
  makeDataset,
  regressionKinds,
  type Dataset,
} from '../../lib/data/index.ts';
// The constants only: the expression compiler itself loads with custom.ts, when a run needs it.
import { MAX_LENGTH } from '../../lib/expr/ast.ts';
import { paramsMaxLength, paramsPattern } from '../../lib/expr/params.ts';
import { initIds, optimizerIds, type MlpSpec, type TrainOptions } from '../../lib/nn/index.ts';
import type { ParamTable, ParamValues } from '../../lib/url-state.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import { clampPoints, pointsMaxLength, pointsPattern, withAddedPoints } from './added-points.ts';
import { DEFAULT_FEATURES, featureIds, featuresMaxLength, parseFeatures } from './features.ts';

/** Most hidden layers, and most units in one, that the controls and URLs allow. */
export const MAX_LAYERS = 8;
export const MAX_WIDTH = 16;

/** Every dataset the playground offers: the classification shapes, then the regression problems. */
export const playgroundData = [...datasetKinds, ...regressionKinds] as const;

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
  // Layers of equal width; `shape`, when given, overrides both (one width per layer). Links from
  // before per-layer widths existed keep working, and an even network still writes only these two.
  layers: { kind: 'number', min: 0, max: MAX_LAYERS, integer: true, default: 2 },
  width: { kind: 'number', min: 1, max: MAX_WIDTH, integer: true, default: 6 },
  // One width per hidden layer, `6,4,2`: one to MAX_LAYERS widths of 1 to MAX_WIDTH units.
  shape: {
    kind: 'list',
    item: { min: 1, max: MAX_WIDTH },
    minItems: 1,
    maxItems: MAX_LAYERS,
    maxLength: 2 * 2 * MAX_LAYERS,
    default: '',
  },
  // The inputs, a set written in network order (`x1,x2,x1sq`); empty reads as the default.
  feat: {
    kind: 'list',
    item: { values: featureIds },
    minItems: 1,
    maxItems: featureIds.length,
    maxLength: featuresMaxLength,
    set: true,
    default: DEFAULT_FEATURES,
  },
  init: { kind: 'enum', values: initIds, default: 'xavier' },
  bias: { kind: 'number', min: -5, max: 5, default: 0 },
  opt: { kind: 'enum', values: optimizerIds, default: 'sgd' },
  l2: { kind: 'number', min: 0, max: 1, default: 0 },
  l1: { kind: 'number', min: 0, max: 1, default: 0 },
  data: { kind: 'enum', values: playgroundData, default: 'circle' },
  noise: { kind: 'number', min: 0, max: 1, default: 0 },
  // Percent of the points used for training (TensorFlow Playground's "ratio of training to test data").
  ratio: { kind: 'number', min: 10, max: 90, integer: true, default: 70 },
  showtest: { kind: 'enum', values: ['yes', 'no'], default: 'yes' },
  discrete: { kind: 'enum', values: ['no', 'yes'], default: 'no' },
  seed: { kind: 'number', min: 0, max: 2 ** 31 - 1, integer: true, default: 1 },
  // EXTENT is declared below; the clean-up reads it only when a value is parsed.
  pts: {
    kind: 'text',
    pattern: pointsPattern,
    maxLength: pointsMaxLength,
    default: '',
    normalize: (v: string) => clampPoints(v, EXTENT),
  },
  // Free text (no control characters): the expression parser, not the URL layer, judges it.
  expr: { kind: 'text', pattern: /^[^\p{Cc}]*$/u, maxLength: MAX_LENGTH, default: '' },
  exprp: { kind: 'text', pattern: paramsPattern, maxLength: paramsMaxLength, default: '' },
} as const satisfies ParamTable;

/** One playground's settings. */
export type Config = ParamValues<typeof configTable>;

/** Points per dataset (before the split); `ratio` percent of them train, the rest test. */
export const DATA_POINTS = 240;
/** Side of the full playground's output-map grid (GRID² evaluated points): TensorFlow Playground's 100. */
export const GRID = 100;
/**
 * Side of a lesson demo's grid: its lanes are drawn small, two to four side by side, and the claims
 * harness snapshots them every few epochs, where 100² points per lane cost 4x the time for nothing seen.
 */
export const DEMO_GRID = 50;
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
    sizes: [parseFeatures(c.feat).length, ...hiddenSizes(c), 1],
    // A custom activation still needs a registry id beside it (what the engine reports if the function is lost).
    activation: c.act === 'custom' ? FALLBACK_ACTIVATION : c.act,
    // Regression predicts a value, not a side: a bounded output would cap what it can predict.
    outputActivation: isRegression(c.data) ? 'linear' : c.out,
    loss: 'mse',
    init: c.init,
    biasInit: c.bias,
    seed: c.seed,
  };
}

/** Units per hidden layer: `shape` when given, else `layers` layers of `width`. */
export function hiddenSizes(c: Config): number[] {
  if (c.shape !== '') return c.shape.split(',').map(Number);
  return Array.from({ length: c.layers }, () => c.width);
}

/**
 * The settings for some hidden-layer sizes, in the shortest form: an even network as `layers` and
 * `width` (so it reads as links did before `shape`), any other as `shape` with `layers` and
 * `width` back at `base`'s values, where they are left out of the URL.
 */
export function withHiddenSizes(c: Config, sizes: readonly number[], base: Config): Config {
  const clamped = sizes
    .slice(0, MAX_LAYERS)
    .map((u) => Math.max(1, Math.min(MAX_WIDTH, Math.round(u))));
  const even = clamped.every((u) => u === clamped[0]);
  if (even) return { ...c, shape: '', layers: clamped.length, width: clamped[0] ?? c.width };
  return { ...c, shape: clamped.join(','), layers: base.layers, width: base.width };
}

/** Whether a config is a regression problem (real-valued targets, the map shows the prediction). */
export const isRegressionConfig = (c: Config): boolean => isRegression(c.data);

/** What a custom activation that does not parse is replaced by. */
export const FALLBACK_ACTIVATION = 'tanh';

/** Per-epoch training options for a config. */
export function trainOptionsOf(c: Config, instrument: boolean): TrainOptions {
  return {
    learningRate: c.lr,
    batchSize: c.batch,
    optimizer: c.opt,
    l2: c.l2,
    l1: c.l1,
    instrument,
  };
}

/**
 * The dataset for a config; the seed drives points, split and weights alike. Points the reader
 * added (`pts`) join the training split, after the generated ones.
 */
export function datasetOf(c: Config): Dataset {
  // (100 − ratio) / 100, not 1 − ratio / 100: the default 70 then gives exactly 0.3, as before.
  const data = makeDataset({
    kind: c.data,
    n: DATA_POINTS,
    noise: c.noise,
    seed: c.seed,
    testFraction: (100 - c.ratio) / 100,
  });
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
  for (const [key, spec] of Object.entries(configTable))
    out[key] = { ...spec, default: base[key as keyof Config] };
  return out as unknown as typeof configTable;
}

/**
 * The playground's binding to the shared URL layer (url-codec.ts): the table is the preset's
 * (`tableFor`), and a config is its own URL values, so encoding is the identity and decoding only
 * turns -0 into 0 (a state holding -0 would not equal itself after a round trip). Controls and
 * saved files go through the same codec (`stateFromRecord`), never through a query string.
 */
export const playgroundUrl: UrlCodec<Config> = {
  table: (initial) => tableFor(initial),
  encode: (c) => c,
  decode(values) {
    const out: Record<string, string | number> = {};
    for (const [key, spec] of Object.entries(configTable)) {
      const v = values[key] ?? spec.default;
      out[key] = typeof v === 'number' ? v + 0 : v;
    }
    return out as Config;
  },
};

/** The table's defaults as a config. */
export const defaultConfig: Config = Object.fromEntries(
  Object.entries(configTable).map(([key, spec]) => [key, spec.default]),
) as Config;
