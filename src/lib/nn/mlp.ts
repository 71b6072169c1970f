/**
 * The multilayer perceptron: forward, backward and update over preallocated typed arrays.
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
import { getActivation } from '../activations/index.ts';
import type { Activation, ActivationId } from '../activations/types.ts';
import { createRng, type Rng } from '../random.ts';
import { initializeParams } from './init.ts';
import {
  beginEpoch,
  createStatsAccumulator,
  finishEpoch,
  recordBatch,
  recordGradients,
} from './instrument.ts';
import { affine, backpropagate } from './affine.ts';
import { multiplyInPlace, slopeGradient, weightGradients, wideWeightGradients } from './kernels.ts';
import {
  computeLayout,
  createWorkspaceCache,
  gatherColumns,
  transposeRows,
  type Workspace,
} from './layout.ts';
import { lossSum, outputDelta } from './loss.ts';
import { argmaxAgreement } from './metrics.ts';
import {
  applyUpdate,
  createOptimizerState,
  resetOptimizerState,
  type OptimizerState,
} from './optimizers.ts';
import { softmaxLayer } from './softmax.ts';
import { resolveSpec } from './spec.ts';
import {
  optimizerIds,
  type CustomActivation,
  type Evaluation,
  type EvaluateOptions,
  type LayerView,
  type Mlp,
  type MlpRestore,
  type MlpSpec,
  type ResolvedMlpSpec,
  type SavedMlpSpec,
  type TrainingState,
} from './types.ts';

/**
 * Weights from which a layer's gradients use the wide kernel: a 16×16 playground layer stays on
 * the 2×2 one (the fastest there), a 64×10 output layer and anything bigger moves.
 */
const WIDE_LAYER = 512;

/** What a layer needs of its activation: a registry record or an adapted custom function. */
type LayerFunction = Pick<
  Activation,
  'params' | 'fInto' | 'dfInto' | 'scaleByDfFromOutput' | 'prepare'
> & {
  readonly id: ActivationId | 'custom' | 'softmax';
};

/** A custom function as a layer function: no parameters, so the params argument is ignored. */
function customLayerFunction(custom: CustomActivation): LayerFunction {
  return {
    id: 'custom',
    params: [],
    fInto: (x, out) => {
      custom.fInto(x, out);
      return out;
    },
    dfInto: (x, out) => {
      custom.dfInto(x, out);
      return out;
    },
  };
}

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
  const custom = resolved.customActivation;
  const acts: LayerFunction[] = [
    ...resolved.activations.map((id) => (custom ? customLayerFunction(custom) : getActivation(id))),
    resolved.outputActivation === 'softmax'
      ? softmaxLayer(sizes[sizes.length - 1]!)
      : getActivation(resolved.outputActivation),
  ];
  // Table kernels build now, so every batch, short or long, takes the same path: a run's
  // numbers then never depend on what the page computed before it
  for (const act of acts) act.prepare?.();
  // One mutable params object per layer, passed to f/df; a PReLU slope is copied in before use.
  const actParams: Record<string, number>[] = acts.map((act, l) => {
    const values: Record<string, number> = {};
    for (const p of act.params) {
      const given = l < acts.length - 1 ? resolved.activationParams[p.name] : undefined;
      values[p.name] = given ?? p.default;
    }
    return values;
  });
  const slopeName = acts.map((act) => act.params.find((p) => p.learnable)?.name ?? 'alpha');
  // Only PReLU's slope has a known gradient (kernels.slopeGradient); others stay fixed.
  const hasSlope = acts.map(
    (act, l) => resolved.learnSlopes && l < acts.length - 1 && act.id === 'prelu',
  );
  const layout = computeLayout(sizes, hasSlope);
  const L = layout.layers.length;
  const inSize = sizes[0]!;
  const outSize = sizes[L]!;
  const params = new Float64Array(layout.paramCount);
  const grads = new Float64Array(layout.paramCount);
  initializeParams(params, layout, resolved, createRng(resolved.seed));
  layout.layers.forEach((lay, l) => {
    if (lay.slopeIndex >= 0) params[lay.slopeIndex] = actParams[l]![slopeName[l]!]!;
  });
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

  /** Forward pass of `ws.a[0]` (already filled) through every layer. */
  const forward = (ws: Workspace): void => {
    const n = ws.n;
    for (let l = 0; l < L; l++) {
      const lay = layout.layers[l]!;
      const z = ws.z[l + 1]!;
      affine(params, lay.wOffset, lay.bOffset, lay.inSize, lay.outSize, ws.a[l]!, z, n);
      const p = actParams[l]!;
      if (lay.slopeIndex >= 0) p[slopeName[l]!] = params[lay.slopeIndex]!;
      acts[l]!.fInto(z, ws.a[l + 1]!, p);
    }
  };

  /**
   * Backward pass of the batch in `ws` (targets in `ws.t`): mean gradient into `grads`. With
   * `withDf` (instrumentation), `ws.df` also receives every layer's exact f' for the statistics;
   * the gradient itself is computed the same way either way, so instrumenting never changes a run.
   * Returns Σ 0.5(y − t)² over the batch (the `mse` loss, a by-product of the output delta).
   */
  const backward = (ws: Workspace, withDf: boolean): number => {
    const n = ws.n;
    const top = acts[L - 1]!;
    if (withDf || (lossId === 'mse' && !top.scaleByDfFromOutput)) {
      top.dfInto(ws.z[L]!, ws.df[L]!, actParams[L - 1]);
    }
    // bce after a sigmoid and ce after a softmax both reduce to dLoss/dz = y − t.
    const fusedTop = lossId !== 'mse' || top.scaleByDfFromOutput !== undefined;
    const squares = outputDelta(ws.a[L]!, ws.t, fusedTop ? null : ws.df[L]!, ws.g[L]!, 1 / n);
    if (lossId === 'mse') top.scaleByDfFromOutput?.(ws.a[L]!, ws.g[L]!);
    for (let l = L - 1; l >= 0; l--) {
      const lay = layout.layers[l]!;
      const d = ws.g[l + 1]!;
      // The streamed kernel only pays off once a layer has room for its blocks.
      if (lay.inSize * lay.outSize >= WIDE_LAYER)
        wideWeightGradients(
          grads,
          lay.wOffset,
          lay.bOffset,
          lay.inSize,
          lay.outSize,
          d,
          ws.a[l]!,
          n,
          ws.at,
        );
      else
        weightGradients(grads, lay.wOffset, lay.bOffset, lay.inSize, lay.outSize, d, ws.a[l]!, n);
      if (l === 0) break;
      const g = ws.g[l]!;
      const z = ws.z[l]!;
      backpropagate(params, lay.wOffset, lay.inSize, lay.outSize, d, g, n);
      const below = acts[l - 1]!;
      const belowLayout = layout.layers[l - 1]!;
      if (belowLayout.slopeIndex >= 0) grads[belowLayout.slopeIndex] = slopeGradient(g, z);
      if (withDf || !below.scaleByDfFromOutput) below.dfInto(z, ws.df[l]!, actParams[l - 1]);
      // f' from the outputs already computed where the record allows it: no second exponential
      if (below.scaleByDfFromOutput) below.scaleByDfFromOutput(ws.a[l]!, g);
      else multiplyInPlace(g, ws.df[l]!);
    }
    return squares;
  };

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
    forward(ws);
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
        forward(ws);
        const squares = backward(ws, instrument);
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
      forward(ws);
      backward(ws, false);
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
