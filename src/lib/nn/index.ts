/**
 * The training engine: a multilayer perceptron on Float64Array buffers, used by the training
 * widget's Worker, the tests and the benchmark alike.
 *
 * ```ts
 * const model = createMlp({ sizes: [2, 8, 8, 1], activation: 'relu', outputActivation: 'tanh',
 *   loss: 'mse', init: 'he', seed: 42 });
 * const meanLoss = model.trainEpoch(train.inputs, train.targets,
 *   { learningRate: 0.03, batchSize: 10, optimizer: 'adam', l2: 0, instrument: true });
 * const { outputs, neurons } = model.evaluate(grid, 10_000, { keepNeurons: true });
 * ```
 *
 * - `createMlp(spec, restore?)`: `spec` is { sizes, activation, activations?, activationParams?,
 *   outputActivation ('sigmoid' | 'tanh' | 'linear' | 'softmax'), loss ('mse' = 0.5(y−t)², 'bce'
 *   with a sigmoid output, 'ce' = categorical cross-entropy with a softmax output), init ('zero' | 'uniform' | 'xavier' | 'he'), initScale?, biasInit?,
 *   learnSlopes?, customActivation?, seed }. Hidden layers use the registry's own `fInto`/`dfInto`,
 *   or `customActivation` (any f/df pair, e.g. a compiled expression) on every hidden layer.
 * - `trainEpoch(inputs, targets, options) => meanLoss`: row-major n×in inputs and n×out targets;
 *   options { learningRate, batchSize, optimizer ('sgd' | 'momentum' | 'adam'), momentum?,
 *   beta1?, beta2?, epsilon?, l2?, l1?, shuffle? (default true), instrument? }. The returned loss is
 *   the mean of the per-example losses as each batch was visited (before its update), without
 *   the L2 term; a diverging run returns NaN or Infinity and never throws.
 * - `evaluate(inputs, n, { keepNeurons? }) => { n, outputs, neurons }`: one batched pass,
 *   results unit-major (unit j at point r is `[j * n + r]`), in buffers the model reuses.
 * - `loss(inputs, targets)`, `accuracy(inputs, targets, threshold?)` (argmax agreement with
 *   several outputs), `gradient(inputs, targets)`.
 * - Multi-class: `sizes` ending in the class count, `outputActivation: 'softmax'`, `loss: 'ce'`,
 *   targets `oneHot(labels, classes)`; `predictClasses` and `confusionMatrix` (metrics.ts).
 * - `stats` (after an instrumented epoch): per layer gradient norm, pre-activation histogram
 *   (40 bins over [−6, 6) plus under/overflow), dead (f' = 0 on every example), inactive
 *   (z < 0 on every example) and saturated fractions, PReLU slope.
 * - `params` / `layers` / `setParams(values)`; `toJSON()` and `fromJSON(json, resolveCustom?)`: weights,
 *   spec, epoch and training state (batch order, optimiser moments): a loaded model continues bit
 *   for bit.
 *
 * Determinism: the seed fixes the initial weights and every shuffle, and the arithmetic runs in a
 * fixed order, so the same seed and settings give bit-identical losses on every run.
 */
export { createMlp } from './mlp.ts';
export { fromJSON } from './serialize.ts';
export { confusionMatrix, oneHot, predictClasses } from './metrics.ts';
export {
  HISTOGRAM,
  SATURATION_THRESHOLD,
  initIds,
  lossIds,
  optimizerIds,
  outputActivationIds,
} from './types.ts';
export type {
  CustomActivation,
  EpochStats,
  EvaluateOptions,
  Evaluation,
  InitId,
  LayerStats,
  LayerView,
  LossId,
  Mlp,
  MlpJson,
  MlpRestore,
  MlpSpec,
  OptimizerId,
  OutputActivationId,
  ResolvedMlpSpec,
  SavedMlpSpec,
  TrainOptions,
  TrainingState,
} from './types.ts';
