/**
 * The multilayer perceptron: the training loop, evaluation and saving around a network.
 * Allocation and initialisation are in network.ts, the forward and backward passes in passes.ts;
 * this module owns what changes between batches and epochs.
 *
 * State (all owned by one model, nothing at module level): the parameter vector and a gradient
 * vector of the same length (layout.ts), optimiser moments (optimizers.ts), a cache of
 * workspaces by batch size, the shuffling generator, the epoch counter and the instrumentation.
 * Lifecycle: `createMlp` allocates and initialises from the seed; `trainEpoch` then only writes
 * into those buffers (it allocates only when it meets a new batch or data size); `toJSON` and
 * `fromJSON` round-trip configuration, parameters and training state (batch order, optimiser
 * moments), so a loaded model continues bit for bit. What can go stale: `grads`, `stats` and
 * the arrays inside an `Evaluation` are overwritten by later calls, and the layer views alias
 * `params`, so they always show the current weights.
 */
import { createRng, type Rng } from '../random.ts';
import {
  beginEpoch,
  createStatsAccumulator,
  finishEpoch,
  recordBatch,
  recordGradients,
} from './instrument.ts';
import { createWorkspaceCache, gatherColumns, transposeRows, type Workspace } from './layout.ts';
import { lossSum } from './loss.ts';
import { argmaxAgreement } from './metrics.ts';
import { allocateNetwork } from './network.ts';
import {
  applyUpdate,
  createOptimizerState,
  resetOptimizerState,
  type OptimizerState,
} from './optimizers.ts';
import { backward, forward } from './passes.ts';
import { resolveSpec } from './spec.ts';
import {
  optimizerIds,
  type Evaluation,
  type EvaluateOptions,
  type LayerView,
  type Mlp,
  type MlpRestore,
  type ResolvedMlpSpec,
  type SavedMlpSpec,
  type TrainingState,
  type MlpSpec,
} from './types.ts';

/** JSON has no NaN or Infinity: such values are stored as null (and read back as NaN). */
function finiteOrNull(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/** Puts a saved generator state and optimiser moments back; throws naming what does not fit. */
function restoreTraining(
  t: TrainingState,
  rng: Rng,
  optimizer: OptimizerState,
  count: number,
): void {
  rng.setState(t.shuffle);
  if (t.optimizer !== null && !(optimizerIds as readonly string[]).includes(t.optimizer)) {
    throw new RangeError(`createMlp: bad saved optimizer ${String(t.optimizer)}`);
  }
  const moments = (xs: readonly (number | null)[], name: string): Float64Array => {
    if (xs.length !== 0 && xs.length !== count)
      throw new RangeError(
        `createMlp: saved ${name} has ${xs.length} values for ${count} parameters`,
      );
    return Float64Array.from(xs, (v) => v ?? Number.NaN);
  };
  optimizer.m = moments(t.m, 'm');
  optimizer.v = moments(t.v, 'v');
  optimizer.kind = t.optimizer;
  optimizer.step = Number.isInteger(t.step) && t.step >= 0 ? t.step : 0;
}

/** The spec as plain data: a custom activation reduced to its label (functions cannot be cloned or saved). */
function savedSpec(resolved: ResolvedMlpSpec): SavedMlpSpec {
  const { customActivation: custom, ...rest } = resolved;
  return custom === undefined ? rest : { ...rest, customActivation: { label: custom.label } };
}

/** Builds and initialises a network. Throws a RangeError naming any bad spec field. */
export function createMlp(spec: MlpSpec, restore: MlpRestore = {}): Mlp {
  const resolved = resolveSpec(spec);
  const { sizes, loss: lossId } = resolved;
  const net = allocateNetwork(resolved);
  const { layout, acts, actParams, slopeName, params, grads } = net;
  const L = layout.layers.length;
  const inSize = sizes[0]!;
  const outSize = sizes[L]!;
  // A separate stream for batch order, so the init scheme does not change the visiting order.
  const shuffleRng = createRng((resolved.seed ^ 0x5bd1e995) >>> 0);
  const optimizer = createOptimizerState();
  const trainWorkspace = createWorkspaceCache(sizes, true);
  const evalWorkspace = createWorkspaceCache(sizes, false);
  const evaluations = new WeakMap<Workspace, [Evaluation, Evaluation]>();
  const acc = createStatsAccumulator(layout);
  let order = new Uint32Array(0);
  let epoch = restore.epoch ?? 0;

  const layers: LayerView[] = layout.layers.map((lay, l) => ({
    inSize: lay.inSize,
    outSize: lay.outSize,
    activation: acts[l]!.id,
    weights: params.subarray(lay.wOffset, lay.bOffset),
    biases: params.subarray(lay.bOffset, lay.bOffset + lay.outSize),
  }));

  const slope = (l: number): number | null => {
    const lay = layout.layers[l];
    if (lay === undefined || acts[l]!.id !== 'prelu') return null;
    return lay.slopeIndex >= 0 ? params[lay.slopeIndex]! : actParams[l]![slopeName[l]!]!;
  };

  const setParams = (values: ArrayLike<number>): void => {
    if (values.length !== params.length) {
      throw new RangeError(`setParams: expected ${params.length} values, got ${values.length}`);
    }
    params.set(values);
    resetOptimizerState(optimizer);
  };
  if (restore.params !== undefined) setParams(restore.params);
  if (restore.training !== undefined)
    restoreTraining(restore.training, shuffleRng, optimizer, params.length);

  /** Rows in a data set, or a RangeError naming the mismatch. */
  const rowsOf = (inputs: Float64Array, targets: Float64Array, where: string): number => {
    const n = targets.length / outSize;
    if (!Number.isInteger(n) || inputs.length !== n * inSize) {
      throw new RangeError(
        `${where}: ${inputs.length} inputs and ${targets.length} targets do not make rows of ` +
          `${inSize} and ${outSize}`,
      );
    }
    return n;
  };

  const evaluate = (inputs: Float64Array, n: number, options?: EvaluateOptions): Evaluation => {
    if (!Number.isInteger(n) || n < 0 || inputs.length < n * inSize) {
      throw new RangeError(`evaluate: bad n ${n} for ${inputs.length} inputs of width ${inSize}`);
    }
    const ws = evalWorkspace(n);
    transposeRows(inputs, inSize, n, ws.a[0]!);
    forward(net, ws);
    let pair = evaluations.get(ws);
    if (pair === undefined) {
      const outputs = ws.a[L]!;
      pair = [
        { n, outputs, neurons: [] },
        { n, outputs, neurons: ws.a.slice(1) },
      ];
      evaluations.set(ws, pair);
    }
    return options?.keepNeurons === true ? pair[1] : pair[0];
  };

  const model: Mlp = {
    spec: resolved,
    params,
    grads,
    layers,
    stats: acc.stats,
    get epoch() {
      return epoch;
    },
    trainEpoch(inputs, targets, options) {
      const n = rowsOf(inputs, targets, 'trainEpoch');
      const { batchSize } = options;
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new RangeError(`trainEpoch: bad batchSize ${batchSize}`);
      }
      const instrument = options.instrument === true;
      const l2 = options.l2 ?? 0;
      const l1 = options.l1 ?? 0;
      if (order.length !== n) order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      if (options.shuffle !== false) shuffleRng.shuffle(order);
      if (instrument) beginEpoch(acc);
      let total = 0;
      const full = trainWorkspace(Math.min(batchSize, n));
      for (let start = 0; start < n; start += batchSize) {
        const ws = start + batchSize <= n ? full : trainWorkspace(n - start);
        gatherColumns(inputs, inSize, order, start, ws.n, ws.a[0]!);
        gatherColumns(targets, outSize, order, start, ws.n, ws.t);
        forward(net, ws);
        const squares = backward(net, ws, instrument);
        total += lossId === 'mse' ? squares : lossSum(lossId, ws.a[L]!, ws.z[L]!, ws.t, outSize);
        if (instrument) {
          recordBatch(acc, ws);
          recordGradients(acc, layout, grads);
        }
        if (l2 !== 0) {
          for (const lay of layout.layers) {
            for (let k = lay.wOffset; k < lay.bOffset; k++) grads[k]! += l2 * params[k]!;
          }
        }
        if (l1 !== 0) {
          for (const lay of layout.layers) {
            for (let k = lay.wOffset; k < lay.bOffset; k++) grads[k]! += l1 * Math.sign(params[k]!);
          }
        }
        applyUpdate(optimizer, params, grads, options);
      }
      epoch++;
      if (instrument) finishEpoch(acc, epoch, slope);
      return total / n;
    },
    evaluate,
    loss(inputs, targets) {
      const n = rowsOf(inputs, targets, 'loss');
      const ws = evalWorkspace(n);
      evaluate(inputs, n);
      transposeRows(targets, outSize, n, ws.t);
      return lossSum(lossId, ws.a[L]!, ws.z[L]!, ws.t, outSize) / n;
    },
    accuracy(inputs, targets, threshold = resolved.outputActivation === 'sigmoid' ? 0.5 : 0) {
      const n = rowsOf(inputs, targets, 'accuracy');
      const { outputs } = evaluate(inputs, n);
      if (outSize > 1) return argmaxAgreement(outputs, targets, n, outSize) / n;
      let correct = 0;
      for (let r = 0; r < n; r++)
        if (outputs[r]! > threshold === targets[r]! > threshold) correct++;
      return correct / n;
    },
    gradient(inputs, targets) {
      const n = rowsOf(inputs, targets, 'gradient');
      const ws = trainWorkspace(n);
      transposeRows(inputs, inSize, n, ws.a[0]!);
      transposeRows(targets, outSize, n, ws.t);
      forward(net, ws);
      backward(net, ws, false);
      return grads;
    },
    slope,
    setParams,
    resetOptimizer: () => resetOptimizerState(optimizer),
    toJSON: () => ({
      format: 'activation-notebook/mlp',
      version: 1,
      spec: savedSpec(resolved),
      params: finiteOrNull(params),
      epoch,
      training: {
        shuffle: shuffleRng.getState(),
        optimizer: optimizer.kind,
        step: optimizer.step,
        m: finiteOrNull(optimizer.m),
        v: finiteOrNull(optimizer.v),
      },
    }),
  };
  return model;
}
