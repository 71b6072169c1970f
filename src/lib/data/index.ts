/**
 * Toy datasets as the training engine reads them: row-major `Float64Array`s, split train/test.
 *
 * `makeDataset` is pure given its options (the seed drives both the points and the split), so a
 * URL that stores kind, n, noise and seed reproduces the data exactly. Splits are immutable
 * values: `appendPoint` returns a new split rather than growing the arrays, because typed arrays
 * cannot grow and a worker may still hold the old ones.
 */
import { createRng } from '../random.ts';
import {
  generators,
  regressionGenerators,
  regressionKinds,
  type DatasetKind,
  type LabelledPoint,
  type RegressionKind,
  type ValuedPoint,
} from './generators.ts';

export {
  circle,
  datasetKinds,
  gaussians,
  generators,
  moons,
  regGauss,
  regPlane,
  regressionGenerators,
  regressionKinds,
  spiral,
  xor,
} from './generators.ts';
export type {
  DatasetKind,
  Generator,
  LabelledPoint,
  RegressionGenerator,
  RegressionKind,
  ValuedPoint,
} from './generators.ts';

/** True when `kind` is a regression problem (real-valued targets) rather than two classes. */
export function isRegression(kind: DatasetKind | RegressionKind): kind is RegressionKind {
  return (regressionKinds as readonly string[]).includes(kind);
}

/** How class labels are written into `targets`: `binary` {0, 1} or `signed` {-1, +1}. */
export type LabelForm = 'binary' | 'signed';

/** One part of a dataset (train or test). */
export interface DataSplit {
  /** Number of points. */
  readonly n: number;
  /** Row-major n×2 coordinates: point i is (inputs[2i], inputs[2i+1]). */
  readonly inputs: Float64Array;
  /** n×1 targets in the form named by `labels` (for a regression kind, the values). */
  readonly targets: Float64Array;
  /** The label form used in `targets`. */
  readonly labels: LabelForm;
  /** Class per point, 1 positive and 0 negative, whatever `labels` is (for colouring; regression: value > 0). */
  readonly classes: Uint8Array;
}

/** Options of {@link makeDataset}. */
export interface DatasetOptions {
  /** Which shape: a classification kind, or a regression kind (targets are then the values). */
  readonly kind: DatasetKind | RegressionKind;
  /** Total number of points before the split. */
  readonly n: number;
  /** Noise in [0, 1]; see each generator for its meaning. */
  readonly noise: number;
  /** Seed of the points and of the split. */
  readonly seed: number;
  /** Share of the points held out for testing, in [0, 1]; rounded to a whole count. */
  readonly testFraction: number;
  /** Target encoding; defaults to `signed` (the tanh/half-squared-error convention). */
  readonly labels?: LabelForm;
}

/** A dataset split in two. */
export interface Dataset {
  /** The options that made it, with defaults filled in. */
  readonly options: Required<DatasetOptions>;
  /** Points the model trains on. */
  readonly train: DataSplit;
  /** Held-out points. */
  readonly test: DataSplit;
}

/** The target value a class takes in a label form. */
export function labelValue(positive: boolean, labels: LabelForm): number {
  if (positive) return 1;
  return labels === 'binary' ? 0 : -1;
}

/** Packs points into a split, in the given order. */
export function toSplit(points: readonly LabelledPoint[], labels: LabelForm): DataSplit {
  const n = points.length;
  const inputs = new Float64Array(2 * n);
  const targets = new Float64Array(n);
  const classes = new Uint8Array(n);
  points.forEach((p, i) => {
    inputs[2 * i] = p.x;
    inputs[2 * i + 1] = p.y;
    targets[i] = labelValue(p.label === 1, labels);
    classes[i] = p.label === 1 ? 1 : 0;
  });
  return { n, inputs, targets, labels, classes };
}

/** Packs regression points into a split: targets are the values, classes their sign. */
function toValuedSplit(points: readonly ValuedPoint[], labels: LabelForm): DataSplit {
  const n = points.length;
  const inputs = new Float64Array(2 * n);
  const targets = new Float64Array(n);
  const classes = new Uint8Array(n);
  points.forEach((p, i) => {
    inputs[2 * i] = p.x;
    inputs[2 * i + 1] = p.y;
    targets[i] = p.value;
    classes[i] = p.value > 0 ? 1 : 0;
  });
  return { n, inputs, targets, labels, classes };
}

/**
 * Generates `n` points of a kind with a seeded generator, shuffles them with the same generator,
 * and puts the first n − round(n · testFraction) in `train` and the rest in `test`.
 * Throws a RangeError naming the bad option when n or testFraction is out of range.
 */
export function makeDataset(options: DatasetOptions): Dataset {
  const { kind, n, noise, seed, testFraction } = options;
  const labels = options.labels ?? 'signed';
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`makeDataset: bad n ${n}`);
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`makeDataset: bad testFraction ${testFraction}`);
  }
  const rng = createRng(seed);
  const nTrain = n - Math.round(n * testFraction);
  const resolved = { kind, n, noise, seed, testFraction, labels };
  if (isRegression(kind)) {
    const points = rng.shuffle(regressionGenerators[kind](n, noise, rng));
    return {
      options: resolved,
      train: toValuedSplit(points.slice(0, nTrain), labels),
      test: toValuedSplit(points.slice(nTrain), labels),
    };
  }
  const generate = generators[kind];
  if (generate === undefined) throw new RangeError(`makeDataset: unknown kind ${String(kind)}`);
  const points = rng.shuffle(generate(n, noise, rng));
  return {
    options: resolved,
    train: toSplit(points.slice(0, nTrain), labels),
    test: toSplit(points.slice(nTrain), labels),
  };
}

/**
 * Returns a copy of `split` with one more point at (x, y) of the given class, written in the
 * split's own label form. The input split is left untouched.
 */
export function appendPoint(split: DataSplit, x: number, y: number, positive: boolean): DataSplit {
  const n = split.n + 1;
  const inputs = new Float64Array(2 * n);
  inputs.set(split.inputs);
  inputs[2 * n - 2] = x;
  inputs[2 * n - 1] = y;
  const targets = new Float64Array(n);
  targets.set(split.targets);
  targets[n - 1] = labelValue(positive, split.labels);
  const classes = new Uint8Array(n);
  classes.set(split.classes);
  classes[n - 1] = positive ? 1 : 0;
  return { n, inputs, targets, labels: split.labels, classes };
}
