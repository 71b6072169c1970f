/**
 * The experiments of "On real data": the blog post's claims re-run on the handwritten digits.
 * Each experiment is a few lanes (networks that differ in one thing, same seed, same initial
 * weight scheme, same data order) trained for a fixed number of epochs with plain mini-batch SGD,
 * which, unlike Adam, does not rescale a vanishing gradient back up. Pure and DOM-free: the Web
 * Worker runs it in the reader's browser, the claims harness and the build run it in Node, so a
 * figure, its claim and the prose all come from this one code path.
 *
 * Nothing here is cached: each call decodes the data and builds its own networks.
 */
import { getActivation } from '../../lib/activations/index.ts';
import type { ActivationId } from '../../lib/activations/types.ts';
import { DIGITS, splitDigits, type DigitSplit } from '../../lib/data/digits.ts';
import {
  confusionMatrix,
  createMlp,
  oneHot,
  predictClasses,
  type CustomActivation,
  type InitId,
  type Mlp,
} from '../../lib/nn/index.ts';
import { experimentDefaults, type ExperimentId, type RunParams } from './params.ts';

export { experimentIds, type ExperimentId, type RunParams } from './params.ts';

/** A hidden function that is not a registry entry: a registry function moved up or down. */
export type ShiftedId = 'sigmoid-centred' | 'tanh-raised';

/** One network of an experiment. */
export interface Lane {
  /** Legend label. */
  readonly label: string;
  /** Hidden activation (for a shifted function, the one it is built from). */
  readonly act: ActivationId;
  /** When set, the hidden layers use this shifted function instead of `act`. */
  readonly shifted?: ShiftedId;
}

/** An experiment's fixed design and its default parameters. */
export interface Experiment {
  readonly id: ExperimentId;
  /** Units per hidden layer. */
  readonly width: number;
  /** Weight initialisation, the same for every lane. */
  readonly init: InitId;
  /** Examples per SGD update. */
  readonly batch: number;
  /** Whether the last epoch collects gradient norms and dead fractions. */
  readonly instrument: boolean;
  /** The parameters a link without any reproduces. */
  readonly defaults: RunParams;
  /** The lanes, given the parameters (only `train` depends on them). */
  lanes(params: RunParams): readonly Lane[];
}

/** Every experiment's design. */
export const experiments: Readonly<Record<ExperimentId, Experiment>> = {
  // 64-64-10 ReLU: the network the issue asks to reach 95% test accuracy.
  train: {
    id: 'train',
    width: 64,
    init: 'he',
    batch: 32,
    instrument: false,
    defaults: experimentDefaults.train,
    lanes: (p) => [{ label: getActivation(p.act).name, act: p.act }],
  },
  // Eight hidden layers, He initialisation for all three, as in the Sigmoid lesson's demo.
  depth: {
    id: 'depth',
    width: 32,
    init: 'he',
    batch: 32,
    instrument: true,
    defaults: experimentDefaults.depth,
    lanes: () => [
      { label: 'Sigmoid', act: 'sigmoid' },
      { label: 'ReLU', act: 'relu' },
      { label: 'GELU', act: 'gelu' },
    ],
  },
  // A step size ten times the one that trains well.
  dead: {
    id: 'dead',
    width: 64,
    init: 'he',
    batch: 32,
    instrument: true,
    defaults: experimentDefaults.dead,
    lanes: () => [
      { label: 'ReLU', act: 'relu' },
      { label: 'Leaky ReLU', act: 'leaky-relu' },
    ],
  },
  // Xavier initialisation: designed for sigmoid and tanh, so neither is handicapped by it.
  centring: {
    id: 'centring',
    width: 64,
    init: 'xavier',
    batch: 32,
    instrument: false,
    defaults: experimentDefaults.centring,
    lanes: () => [
      { label: 'sigmoid', act: 'sigmoid' },
      { label: 'σ(x) − ½', act: 'sigmoid', shifted: 'sigmoid-centred' },
      { label: 'tanh + 1', act: 'tanh', shifted: 'tanh-raised' },
      { label: 'tanh', act: 'tanh' },
    ],
  },
};

/** A registry function plus a constant: same derivative, output range moved. */
function shiftedActivation(id: ShiftedId): CustomActivation {
  const [from, by] =
    id === 'sigmoid-centred' ? (['sigmoid', -0.5] as const) : (['tanh', 1] as const);
  const a = getActivation(from);
  return {
    label: id === 'sigmoid-centred' ? 'sigmoid(x) - 0.5' : 'tanh(x) + 1',
    f: (x) => a.f(x) + by,
    df: (x) => a.df(x),
    fInto(x, out) {
      a.fInto(x, out);
      for (let i = 0; i < out.length; i++) out[i]! += by;
      return out;
    },
    dfInto: (x, out) => a.dfInto(x, out),
  };
}

/** Test accuracy and mean training loss after one epoch. */
export interface EpochPoint {
  /** 1-based epoch. */
  readonly epoch: number;
  /** Mean cross-entropy over the epoch's batches (as each was visited). */
  readonly trainLoss: number;
  /** Share of the 360 test images classified correctly after the epoch. */
  readonly testAccuracy: number;
}

/** A misread test image. */
export interface Mistake {
  /** Row in the full data set. */
  readonly index: number;
  /** True class. */
  readonly label: number;
  /** Class the network chose. */
  readonly predicted: number;
  /** Its 64 grey levels, 0-16. */
  readonly levels: readonly number[];
}

/** Misread images a lane keeps for display. */
export const MISTAKES_KEPT = 24;

/** A trained lane. */
export interface LaneResult {
  readonly label: string;
  /** One point per epoch. */
  readonly history: readonly EpochPoint[];
  /** Last epoch's mean gradient norm per non-input layer, output last (empty without instrumentation). */
  readonly gradNorms: readonly number[];
  /** Last epoch's share of dead units (f' = 0 on every example) per hidden layer. */
  readonly dead: readonly number[];
  /** Last epoch's share of inactive units (z < 0 on every example) per hidden layer. */
  readonly inactive: readonly number[];
  /** Predicted class of each test image after the last epoch. */
  readonly predicted: Int32Array;
  /** 10 × 10 confusion matrix on the test set, row = true class, column = predicted. */
  readonly confusion: Int32Array;
  /** The first test images it got wrong (up to {@link MISTAKES_KEPT}), for the page to show. */
  readonly mistakes: readonly Mistake[];
  /** Wall time of the training epochs, ms (evaluation excluded); varies between runs. */
  readonly trainMs: number;
}

/** The data as the networks take it: the fixed split with one-hot targets. */
export interface DigitsData extends DigitSplit {
  /** One-hot training targets, n × 10. */
  readonly trainTargets: Float64Array;
  /** One-hot test targets. */
  readonly testTargets: Float64Array;
}

/** Decodes and splits the digits and builds the targets. */
export function digitsData(): DigitsData {
  const split = splitDigits();
  return {
    ...split,
    trainTargets: oneHot(split.train.labels, DIGITS.classes),
    testTargets: oneHot(split.test.labels, DIGITS.classes),
  };
}

/** The network of a lane: 64 inputs, `layers` hidden layers of `width`, softmax over 10 classes. */
export function laneModel(exp: Experiment, lane: Lane, params: RunParams): Mlp {
  const hidden = Array.from({ length: params.layers }, () => exp.width);
  return createMlp({
    sizes: [DIGITS.pixels, ...hidden, DIGITS.classes],
    activation: lane.act,
    ...(lane.shifted ? { customActivation: shiftedActivation(lane.shifted) } : {}),
    outputActivation: 'softmax',
    loss: 'ce',
    init: exp.init,
    seed: params.seed,
  });
}

/**
 * Trains one lane for `params.epochs` epochs; `onEpoch` sees each epoch's point as it happens
 * (the worker streams them to the page).
 */
export function runLane(
  exp: Experiment,
  lane: Lane,
  params: RunParams,
  data: DigitsData,
  onEpoch: (p: EpochPoint) => void = () => {},
): LaneResult {
  const model = laneModel(exp, lane, params);
  const options = { learningRate: params.lr, batchSize: exp.batch, optimizer: 'sgd' } as const;
  // Only the last epoch's statistics are shown, and collecting them costs about 40% of an epoch.
  const last = { ...options, instrument: exp.instrument };
  const history: EpochPoint[] = [];
  let trainMs = 0;
  for (let e = 1; e <= params.epochs; e++) {
    const start = performance.now();
    const trainLoss = model.trainEpoch(
      data.train.inputs,
      data.trainTargets,
      e === params.epochs ? last : options,
    );
    trainMs += performance.now() - start;
    const point = {
      epoch: e,
      trainLoss,
      testAccuracy: model.accuracy(data.test.inputs, data.testTargets),
    };
    history.push(point);
    onEpoch(point);
  }
  const layers = exp.instrument ? model.stats.layers : [];
  const hidden = layers.slice(0, -1);
  const predicted = predictClasses(model, data.test.inputs, data.test.n);
  const mistakes: Mistake[] = [];
  for (let i = 0; i < data.test.n && mistakes.length < MISTAKES_KEPT; i++) {
    if (predicted[i] === data.test.labels[i]) continue;
    const levels = Array.from(
      data.test.inputs.subarray(i * DIGITS.pixels, (i + 1) * DIGITS.pixels),
      (v) => Math.round(v * DIGITS.maxLevel),
    );
    mistakes.push({
      index: data.test.index[i]!,
      label: data.test.labels[i]!,
      predicted: predicted[i]!,
      levels,
    });
  }
  return {
    label: lane.label,
    history,
    gradNorms: layers.map((l) => l.gradientNorm),
    dead: hidden.map((l) => l.deadFraction),
    inactive: hidden.map((l) => l.inactiveFraction),
    predicted,
    confusion: confusionMatrix(model, data.test.inputs, data.testTargets, DIGITS.classes),
    mistakes,
    trainMs,
  };
}

/** The last point of a lane's history. */
export function finalPoint(run: LaneResult): EpochPoint {
  const last = run.history.at(-1);
  if (!last) throw new RangeError(`lane ${run.label} trained no epoch`);
  return last;
}

/** Runs every lane of an experiment in order. */
export function runExperiment(
  id: ExperimentId,
  params: RunParams,
  data: DigitsData = digitsData(),
): LaneResult[] {
  const exp = experiments[id];
  return exp.lanes(params).map((lane) => runLane(exp, lane, params, data));
}

/** The lane with this label; throws naming it when there is none. */
export function laneOf(runs: readonly LaneResult[], label: string): LaneResult {
  const run = runs.find((r) => r.label === label);
  if (!run) throw new RangeError(`no lane ${label} among ${runs.map((r) => r.label).join(', ')}`);
  return run;
}
