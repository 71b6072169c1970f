/**
 * A training session: one or more seeded runs (network + dataset) trained in lockstep, with
 * snapshots as compact typed arrays. No DOM and no messaging, so it runs in the worker and in
 * unit tests alike.
 *
 * State: each run owns its model, dataset and evaluation grids. Lifecycle: create from configs,
 * `step` any number of times, `snapshot` whenever the page should redraw. A session is never
 * reconfigured; a settings change makes a new one, which is what keeps runs reproducible.
 */
import type { Dataset } from '../../lib/data/index.ts';
import { HISTOGRAM, createMlp, fromJSON, type CustomActivation, type Mlp } from '../../lib/nn/index.ts';
import { GRID, THUMB, datasetOf, gridPoints, trainOptionsOf, type Config } from './config.ts';
import { customActivationOf, specOf } from './custom.ts';
import { divergenceReason } from './divergence.ts';
import type { RunSnapshot } from './protocol.ts';

interface Run {
  readonly config: Config;
  readonly model: Mlp;
  readonly data: Dataset;
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
 * The custom activation of a config, for restoring a saved network that used one: the file keeps
 * only its label, and the settings beside it hold the expression to compile again.
 */
export function customOrThrow(config: Config): CustomActivation {
  const custom = customActivationOf(config);
  if (!custom) throw new TypeError(`the custom activation ${JSON.stringify(config.expr)} does not compile`);
  return custom;
}

/** True when every value is finite. */
function allFinite(values: Float64Array): boolean {
  for (const v of values) if (!Number.isFinite(v)) return false;
  return true;
}

/**
 * Creates the runs of a session; throws (naming the value) on a config the engine rejects.
 * `models` (optional, per run) are saved networks to continue from instead of fresh weights.
 */
export function createSession(configs: readonly Config[], models?: readonly unknown[]): Session {
  const grid = gridPoints(GRID);
  const thumb = gridPoints(THUMB);
  const runs: Run[] = configs.map((config, i) => {
    const saved = models?.[i];
    const custom = customActivationOf(config);
    const model = saved === undefined ? createMlp(specOf(config)) : fromJSON(saved, () => customOrThrow(config));
    const data = datasetOf(config);
    // A restored network past epoch 0 reports its last epoch's loss; until it trains, use the full-set loss.
    const lastLoss = saved === undefined ? NaN : model.loss(data.train.inputs, data.train.targets);
    return { config, model, data, lastLoss, diverged: false, ...(custom ? { custom } : {}) };
  });

  function snapshotOf(run: Run): RunSnapshot {
    const { model, data } = run;
    const gridOut = Float64Array.from(model.evaluate(grid, GRID * GRID).outputs);
    const hidden = model.evaluate(thumb, THUMB * THUMB, { keepNeurons: true }).neurons.slice(0, -1);
    const units = hidden.map((a) => a.length / (THUMB * THUMB));
    const neurons = new Float64Array(hidden.reduce((n, a) => n + a.length, 0));
    let offset = 0;
    for (const a of hidden) {
      neurons.set(a, offset);
      offset += a.length;
    }
    const layers = model.stats.layers;
    const histograms = new Float64Array(layers.length * HISTOGRAM.bins);
    layers.forEach((l, i) => histograms.set(l.histogram, i * HISTOGRAM.bins));
    const trainLoss = model.epoch === 0 ? model.loss(data.train.inputs, data.train.targets) : run.lastLoss;
    const testLoss = model.loss(data.test.inputs, data.test.targets);
    const diverged = run.diverged || !Number.isFinite(trainLoss) || !Number.isFinite(testLoss) || !allFinite(gridOut);
    run.diverged = diverged;
    if (diverged) run.divergence ??= divergenceReason({ epoch: model.epoch, params: model.params, ...(run.custom ? { custom: run.custom } : {}) });
    return {
      epoch: model.epoch,
      trainLoss,
      testLoss,
      trainAccuracy: model.accuracy(data.train.inputs, data.train.targets),
      testAccuracy: model.accuracy(data.test.inputs, data.test.targets),
      grid: gridOut,
      neurons,
      units,
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
          const loss = run.model.trainEpoch(
            run.data.train.inputs,
            run.data.train.targets,
            trainOptionsOf(run.config, e === epochs - 1),
          );
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

/** The buffers of some snapshots, for `postMessage`'s transfer list. */
export function transferables(snapshots: readonly RunSnapshot[]): ArrayBuffer[] {
  return snapshots.flatMap((s) =>
    [s.grid, s.neurons, s.gradNorms, s.histograms, s.dead, s.inactive, s.slopes].map((a) => a.buffer as ArrayBuffer),
  );
}
