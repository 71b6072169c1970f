/**
 * A training session: one or more seeded runs (network + dataset) trained in lockstep, with
 * snapshots as compact typed arrays. No DOM and no messaging, so it runs in the worker and in
 * unit tests alike.
 *
 * State: each run owns its model, dataset and evaluation grids. Lifecycle: open from resolved runs
 * (resolve.ts: the worker gets them from the page, dataset included) or create from configs (Node
 * callers), `step` any number of times, `snapshot` whenever the page should redraw. A session is
 * never reconfigured; a settings change makes a new one, which is what keeps runs reproducible.
 */
import { getActivation } from '../../lib/activations/index.ts';
import type { Dataset } from '../../lib/data/index.ts';
import {
  HISTOGRAM,
  createMlp,
  fromJSON,
  type CustomActivation,
  type Mlp,
} from '../../lib/nn/index.ts';
import { DEMO_GRID, THUMB, gridPoints, type Config } from './config.ts';
import { customActivationOf } from './custom.ts';
import { featurize } from './features.ts';
import { resolveRun, type ResolvedRun } from './resolve.ts';
import { divergenceReason } from './divergence.ts';
import type { RunSnapshot } from './protocol.ts';
import { UNIT_DEAD, UNIT_INACTIVE } from './unit-flags.ts';

export { UNIT_DEAD, UNIT_INACTIVE };

interface Run {
  readonly resolved: ResolvedRun;
  readonly model: Mlp;
  /** The points as plotted (2-D). */
  readonly data: Dataset;
  /** What the network reads: each split's points as feature rows. */
  readonly train: Float64Array;
  readonly test: Float64Array;
  /** The output grid and the thumbnail grid as feature rows. */
  readonly grid: Float64Array;
  readonly thumb: Float64Array;
  /** The hidden layers' derivative, for the per-unit dead flags. */
  readonly df: (z: number) => number;
  /** The compiled custom activation, for a custom run (to say where it is not finite). */
  readonly custom?: CustomActivation;
  lastLoss: number;
  diverged: boolean;
  /** What is not finite, worked out once when the run diverges. */
  divergence?: string;
}

/** A set of runs trained together. */
export interface Session {
  /** Trains every live run `epochs` epochs (instrumenting the last); diverged runs stay put. */
  step(epochs: number): void;
  /** Current state of every run, in fresh buffers the caller may transfer. */
  snapshot(): RunSnapshot[];
  /** True once any run has diverged. */
  readonly diverged: boolean;
  /** Every run's network as `Mlp.toJSON` output (weights and spec), for saving to a file. */
  toJSON(): unknown[];
}

/**
 * Restoring a saved custom network needs its expression (the file keeps only its label, and the
 * settings beside it hold the expression): this is the error when that does not compile.
 */
function noCustom(config: Config): never {
  throw new TypeError(`the custom activation ${JSON.stringify(config.expr)} does not compile`);
}

/** True when every value is finite. */
function allFinite(values: Float64Array): boolean {
  for (const v of values) if (!Number.isFinite(v)) return false;
  return true;
}

/**
 * Creates the runs of a session from their settings (each resolved here); see {@link openSession}.
 */
export function createSession(
  configs: readonly Config[],
  models?: readonly unknown[],
  gridSide = DEMO_GRID,
): Session {
  return openSession(configs.map(resolveRun), models, gridSide);
}

/**
 * Opens a session of resolved runs; throws (naming the value) on a run the engine rejects.
 * `models` (optional, per run) are saved networks to continue from instead of fresh weights;
 * `gridSide` is the side of the output map (config.ts GRID for the full playground). A custom
 * activation is compiled once per run, here, for the network, its derivative and the diagnosis.
 */
export function openSession(
  resolved: readonly ResolvedRun[],
  models?: readonly unknown[],
  gridSide = DEMO_GRID,
): Session {
  const grid = gridPoints(gridSide);
  const thumb = gridPoints(THUMB);
  const runs: Run[] = resolved.map((run, i) => {
    const { config, data, features } = run;
    const saved = models?.[i];
    const custom = customActivationOf(config);
    // An expression that does not compile trains the spec's fallback (the page says so first).
    const model =
      saved === undefined
        ? createMlp(custom ? { ...run.spec, customActivation: custom } : run.spec)
        : fromJSON(saved, () => custom ?? noCustom(config));
    const train = featurize(data.train.inputs, data.train.n, features);
    const df = custom ? custom.df : getActivation(run.spec.activation).df;
    // A restored network past epoch 0 reports its last epoch's loss; until it trains, use the full-set loss.
    const lastLoss = saved === undefined ? NaN : model.loss(train, data.train.targets);
    return {
      resolved: run,
      model,
      data,
      train,
      df,
      lastLoss,
      diverged: false,
      test: featurize(data.test.inputs, data.test.n, features),
      grid: featurize(grid, gridSide * gridSide, features),
      thumb: featurize(thumb, THUMB * THUMB, features),
      ...(custom ? { custom } : {}),
    };
  });

  function snapshotOf(run: Run): RunSnapshot {
    const { model, data } = run;
    // Evaluation buffers are reused per point count: each result is copied or read before the next call.
    const units = unitStats(run);
    const gridOut = Float64Array.from(model.evaluate(run.grid, gridSide * gridSide).outputs);
    const hidden = model
      .evaluate(run.thumb, THUMB * THUMB, { keepNeurons: true })
      .neurons.slice(0, -1);
    const neurons = new Float64Array(hidden.reduce((n, a) => n + a.length, 0));
    let offset = 0;
    for (const a of hidden) {
      neurons.set(a, offset);
      offset += a.length;
    }
    const layers = model.stats.layers;
    const histograms = new Float64Array(layers.length * HISTOGRAM.bins);
    layers.forEach((l, i) => histograms.set(l.histogram, i * HISTOGRAM.bins));
    const trainLoss = model.epoch === 0 ? model.loss(run.train, data.train.targets) : run.lastLoss;
    const testLoss = model.loss(run.test, data.test.targets);
    // Regression has no classes to get right: its accuracy is not a number, shown as a dash.
    const regression = run.resolved.regression;
    const diverged =
      run.diverged ||
      !Number.isFinite(trainLoss) ||
      !Number.isFinite(testLoss) ||
      !allFinite(gridOut);
    run.diverged = diverged;
    if (diverged)
      run.divergence ??= divergenceReason({
        epoch: model.epoch,
        params: model.params,
        ...(run.custom ? { custom: run.custom } : {}),
      });
    return {
      epoch: model.epoch,
      trainLoss,
      testLoss,
      trainAccuracy: regression ? NaN : model.accuracy(run.train, data.train.targets),
      testAccuracy: regression ? NaN : model.accuracy(run.test, data.test.targets),
      grid: gridOut,
      gridSide,
      neurons,
      units: hidden.map((a) => a.length / (THUMB * THUMB)),
      sizes: [...model.spec.sizes],
      params: Float64Array.from(model.params),
      unitHistograms: units.histograms,
      unitFlags: units.flags,
      gradNorms: Float64Array.from(layers, (l) => l.gradientNorm),
      histograms,
      dead: Float64Array.from(layers, (l) => l.deadFraction),
      inactive: Float64Array.from(layers, (l) => l.inactiveFraction),
      slopes: Float64Array.from(layers, (_, i) => model.slope(i) ?? NaN),
      diverged,
      ...(run.divergence === undefined ? {} : { divergence: run.divergence }),
    };
  }

  return {
    step(epochs) {
      for (const run of runs) {
        if (run.diverged) continue;
        for (let e = 0; e < epochs; e++) {
          const loss = run.model.trainEpoch(run.train, run.data.train.targets, {
            ...run.resolved.train,
            instrument: e === epochs - 1,
          });
          run.lastLoss = loss;
          if (!Number.isFinite(loss)) {
            run.diverged = true;
            break;
          }
        }
      }
    },
    snapshot: () => runs.map(snapshotOf),
    toJSON: () => runs.map((r) => r.model.toJSON()),
    get diverged() {
      return runs.some((r) => r.diverged);
    },
  };
}

/**
 * Per hidden unit, over the training points with the current weights: the pre-activation
 * histogram (HISTOGRAM bins) and whether it is dead (f'(z) = 0 on every point) or inactive
 * (z < 0 on every point). The engine's instrumentation counts these per layer during an epoch;
 * per unit they are worked out here from one forward pass, z = W·a + b, so they describe the
 * network as it is drawn, after the epoch's last update.
 */
function unitStats(run: Run): { histograms: Float64Array; flags: Float64Array } {
  const { model, train } = run;
  const n = run.data.train.n;
  const { bins, min, max } = HISTOGRAM;
  const perBin = bins / (max - min);
  const sizes = model.spec.sizes;
  const total = sizes.slice(1, -1).reduce((a, b) => a + b, 0);
  const histograms = new Float64Array(total * bins);
  const flags = new Float64Array(total);
  if (n === 0 || total === 0) return { histograms, flags };
  const acts = model.evaluate(train, n, { keepNeurons: true }).neurons;
  let unit = 0;
  for (let l = 0; l < sizes.length - 2; l++) {
    const { inSize, outSize, weights, biases } = model.layers[l]!;
    const prev = acts[l - 1];
    for (let j = 0; j < outSize; j++, unit++) {
      let dead = true;
      let inactive = true;
      for (let r = 0; r < n; r++) {
        let z = biases[j]!;
        // The first layer reads row-major feature rows; later ones the unit-major activations.
        if (prev === undefined)
          for (let i = 0; i < inSize; i++) z += weights[j * inSize + i]! * train[r * inSize + i]!;
        else for (let i = 0; i < inSize; i++) z += weights[j * inSize + i]! * prev[i * n + r]!;
        if (z >= min && z < max) histograms[unit * bins + Math.floor((z - min) * perBin)]!++;
        if (!(run.df(z) === 0)) dead = false;
        if (!(z < 0)) inactive = false;
      }
      flags[unit] = (dead ? UNIT_DEAD : 0) | (inactive ? UNIT_INACTIVE : 0);
    }
  }
  return { histograms, flags };
}

/** The buffers of some snapshots, for `postMessage`'s transfer list. */
export function transferables(snapshots: readonly RunSnapshot[]): ArrayBuffer[] {
  return snapshots.flatMap((s) =>
    [
      s.grid,
      s.neurons,
      s.gradNorms,
      s.histograms,
      s.dead,
      s.inactive,
      s.slopes,
      s.params,
      s.unitHistograms,
      s.unitFlags,
    ].map((a) => a.buffer as ArrayBuffer),
  );
}
