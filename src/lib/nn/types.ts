/**
 * Public types of the MLP engine. Pure types and constants: no runtime state.
 */
import type { Differentiable } from '../differentiable.ts';
import type { ActivationId, Params } from '../activations/types.ts';

/**
 * Activations the output layer may use. `softmax` is not a registry activation: it normalises
 * each example's outputs into class probabilities, so it acts across units, and only the `ce`
 * loss may follow it.
 */
export const outputActivationIds = ['sigmoid', 'tanh', 'linear', 'softmax'] as const;
/** An output activation id (a subset of the registry). */
export type OutputActivationId = (typeof outputActivationIds)[number];

/**
 * Losses: `mse` is half squared error 0.5(y − t)²; `bce` is binary cross-entropy (sigmoid
 * output); `ce` is categorical cross-entropy −Σ_k t_k·log p_k over a `softmax` output, with
 * targets as one-hot rows as wide as the output layer.
 */
export const lossIds = ['mse', 'bce', 'ce'] as const;
/** A loss id. */
export type LossId = (typeof lossIds)[number];

/**
 * Weight initialisations: `zero`; `uniform` U[−scale, scale); `xavier` Glorot uniform,
 * U[−√(6/(fanIn+fanOut)), +…); `he` Kaiming normal, N(0, 2/fanIn).
 */
export const initIds = ['zero', 'uniform', 'xavier', 'he'] as const;
/** An initialisation id. */
export type InitId = (typeof initIds)[number];

/** Optimisers: plain SGD, SGD with (heavy-ball) momentum, Adam. */
export const optimizerIds = ['sgd', 'momentum', 'adam'] as const;
/** An optimiser id. */
export type OptimizerId = (typeof optimizerIds)[number];

/**
 * A hidden-layer function that is not in the registry (the notebook's expression cell compiles
 * one from the reader's formula). It must be defined for every double and never throw; `df` is
 * the derivative with respect to the input. `JSON.stringify` keeps only `label`, so a saved model
 * records which function it was trained with and `fromJSON` asks the caller to rebuild it.
 */
export interface CustomActivation extends Differentiable {
  /** What the function is, e.g. the expression text `x * sigmoid(1.702 * x)`. */
  readonly label: string;
}

/** What {@link createMlp} needs to build a network. */
export interface MlpSpec {
  /** Layer widths, input first and output last, e.g. `[2, 4, 2, 1]`. At least two entries. */
  readonly sizes: readonly number[];
  /** Activation of every hidden layer (unless `activations` overrides it). */
  readonly activation: ActivationId;
  /** Optional activation per hidden layer; length must be `sizes.length - 2`. */
  readonly activations?: readonly ActivationId[];
  /** Parameters for the hidden activations (e.g. `{ alpha: 0.1 }`); defaults otherwise. */
  readonly activationParams?: Params;
  /**
   * When given, every hidden layer uses this function instead of `activation`/`activations`
   * (which must still be valid ids: they are what a model reports if the function is lost).
   */
  readonly customActivation?: CustomActivation;
  /** Output activation. */
  readonly outputActivation: OutputActivationId;
  /**
   * Loss. `bce` requires `outputActivation: 'sigmoid'` and targets in [0, 1]; `ce` and `softmax`
   * require each other (and at least two outputs).
   */
  readonly loss: LossId;
  /** Weight initialisation. */
  readonly init: InitId;
  /** Half-width of the `uniform` init; default 0.5. Ignored by the other inits. */
  readonly initScale?: number;
  /** Value every bias starts at; default 0. Negative values make dead ReLUs likely. */
  readonly biasInit?: number;
  /** Whether PReLU slopes are trained; default true. */
  readonly learnSlopes?: boolean;
  /** Seed of the initial weights and of the shuffling; same seed, same run, bit for bit. */
  readonly seed: number;
}

/** The spec with every optional field filled in, as stored by `toJSON`. */
export interface ResolvedMlpSpec {
  /** See {@link MlpSpec.sizes}. */
  readonly sizes: readonly number[];
  /** See {@link MlpSpec.activation}. */
  readonly activation: ActivationId;
  /** One id per hidden layer. */
  readonly activations: readonly ActivationId[];
  /** See {@link MlpSpec.activationParams}. */
  readonly activationParams: Params;
  /** See {@link MlpSpec.customActivation}. */
  readonly customActivation?: CustomActivation;
  /** See {@link MlpSpec.outputActivation}. */
  readonly outputActivation: OutputActivationId;
  /** See {@link MlpSpec.loss}. */
  readonly loss: LossId;
  /** See {@link MlpSpec.init}. */
  readonly init: InitId;
  /** See {@link MlpSpec.initScale}. */
  readonly initScale: number;
  /** See {@link MlpSpec.biasInit}. */
  readonly biasInit: number;
  /** See {@link MlpSpec.learnSlopes}. */
  readonly learnSlopes: boolean;
  /** See {@link MlpSpec.seed}. */
  readonly seed: number;
}

/** Options of one training epoch. */
export interface TrainOptions {
  /** Step size. */
  readonly learningRate: number;
  /** Examples per update (an integer ≥ 1); the last batch of an epoch may be smaller. */
  readonly batchSize: number;
  /** Update rule. Switching rule between calls resets the optimiser's running state. */
  readonly optimizer: OptimizerId;
  /** Momentum coefficient for `momentum`; default 0.9. */
  readonly momentum?: number;
  /** Adam's first-moment decay; default 0.9. */
  readonly beta1?: number;
  /** Adam's second-moment decay; default 0.999. */
  readonly beta2?: number;
  /** Adam's denominator guard; default 1e-8. */
  readonly epsilon?: number;
  /** L2 weight decay λ: adds λ·w to each weight's gradient (not biases, not slopes); default 0. */
  readonly l2?: number;
  /**
   * L1 penalty λ: adds λ·sign(w) to each weight's gradient (0 at w = 0; not biases, not slopes),
   * which drives small weights to exactly zero rather than shrinking them; default 0.
   */
  readonly l1?: number;
  /** Visit the examples in a new seeded order each epoch; default true. */
  readonly shuffle?: boolean;
  /** Collect {@link EpochStats} during the epoch; default false. */
  readonly instrument?: boolean;
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Also return every hidden and output neuron's activation. */
  readonly keepNeurons?: boolean;
}

/**
 * The result of `evaluate`. Its arrays belong to the model and are overwritten by the next call
 * with the same point count: copy what must outlive that call.
 */
export interface Evaluation {
  /** Number of points evaluated. */
  readonly n: number;
  /**
   * Network outputs, unit-major: output k of point r is `outputs[k * n + r]` (for a single
   * output, simply one value per point).
   */
  readonly outputs: Float64Array;
  /**
   * With `keepNeurons`, one array per non-input layer (hidden layers, then the output layer),
   * unit-major: neuron j of that layer at point r is `neurons[l][j * n + r]`, so each neuron's
   * values over all points are contiguous (one heatmap thumbnail). Empty otherwise.
   */
  readonly neurons: readonly Float64Array[];
}

/** Pre-activation histogram range and resolution used by the instrumentation. */
export const HISTOGRAM = { bins: 40, min: -6, max: 6 } as const;

/** |f'(z)| below this counts as saturated. */
export const SATURATION_THRESHOLD = 1e-3;

/**
 * Statistics of one non-input layer over one instrumented epoch, gathered during that epoch's
 * forward and backward passes (so with the weights as they were when each batch was visited).
 */
export interface LayerStats {
  /** Number of units in the layer. */
  readonly units: number;
  /** Mean over the epoch's updates of the L2 norm of this layer's weight and bias gradient. */
  gradientNorm: number;
  /** Counts of pre-activations per bin over [HISTOGRAM.min, HISTOGRAM.max). */
  readonly histogram: Uint32Array;
  /** Pre-activations below HISTOGRAM.min. */
  underflow: number;
  /** Pre-activations at or above HISTOGRAM.max (including +Infinity). */
  overflow: number;
  /** Pre-activations that were NaN (a diverged run). */
  nan: number;
  /**
   * Share of units whose derivative f'(z) was exactly 0 for every example of the epoch: no
   * gradient reached their incoming weights, so nothing could move them (a dead ReLU).
   */
  deadFraction: number;
  /**
   * Share of units whose pre-activation z was negative for every example of the epoch. An
   * inactive ReLU is dead (its f' is 0 below zero); an inactive Leaky ReLU or PReLU unit still
   * passes its negative-side slope, so it keeps learning.
   */
  inactiveFraction: number;
  /**
   * Share of units whose |f'(z)| was below {@link SATURATION_THRESHOLD} for every example of the
   * epoch. A dead ReLU counts as saturated too (its f' is 0).
   */
  saturatedFraction: number;
  /** The layer's PReLU slope after the epoch, or null when the layer is not PReLU. */
  slope: number | null;
}

/** Instrumentation of the last instrumented epoch; owned and overwritten by the model. */
export interface EpochStats {
  /** Which epoch (1-based) the numbers describe; 0 before any instrumented epoch. */
  epoch: number;
  /** One entry per non-input layer, the output layer last. */
  readonly layers: readonly LayerStats[];
}

/** A read-only view of one layer's parameters (views into the model's parameter vector). */
export interface LayerView {
  /** Inputs per unit. */
  readonly inSize: number;
  /** Units. */
  readonly outSize: number;
  /**
   * Activation of the layer: a registry id, `custom` for {@link MlpSpec.customActivation}, or
   * `softmax` (output layer only).
   */
  readonly activation: ActivationId | 'custom' | 'softmax';
  /** outSize×inSize row-major: weight from input i to unit j at `weights[j * inSize + i]`. */
  readonly weights: Float64Array;
  /** One bias per unit. */
  readonly biases: Float64Array;
}

/**
 * A resolved spec as saved: plain data only. A custom activation keeps just its label, because
 * functions survive neither a file nor `postMessage` (structured clone throws DataCloneError on
 * them); whoever loads the model compiles the label again.
 */
export type SavedMlpSpec = Omit<ResolvedMlpSpec, 'customActivation'> & {
  /** The custom activation's label (its expression), when the model has one. */
  readonly customActivation?: { readonly label: string };
};

/** Serialised model: configuration and parameters, plain JSON. */
export interface MlpJson {
  /** Format tag, checked by `fromJSON`. */
  readonly format: 'activation-notebook/mlp';
  /** Format version. */
  readonly version: 1;
  /** The resolved spec; a custom activation is stored by its label alone (see {@link SavedMlpSpec}). */
  readonly spec: SavedMlpSpec;
  /** Flat parameter vector (see `Mlp.params`); non-finite values are stored as null. */
  readonly params: readonly (number | null)[];
  /** Epochs trained so far. */
  readonly epoch: number;
  /** Where training stands, so a loaded model continues exactly as an uninterrupted one would. */
  readonly training?: TrainingState;
}

/**
 * The state of training besides the weights: the shuffling generator and the optimiser's running
 * moments. Non-finite moments (a diverged run) are stored as null, like parameters.
 */
export interface TrainingState {
  /** The batch-order generator's state (see `Rng.getState`). */
  readonly shuffle: readonly number[];
  /** Optimiser the moments belong to, or null before the first update. */
  readonly optimizer: OptimizerId | null;
  /** Updates made with it (Adam's bias correction). */
  readonly step: number;
  /** Momentum velocity or Adam's first moment (empty for plain SGD). */
  readonly m: readonly (number | null)[];
  /** Adam's second moment (empty otherwise). */
  readonly v: readonly (number | null)[];
}

/** A network and everything needed to train and query it. */
export interface Mlp {
  /** The spec with defaults filled in. */
  readonly spec: ResolvedMlpSpec;
  /** All parameters, `[W1 b1 … WL bL slopes…]`; writable, but prefer `setParams`. */
  readonly params: Float64Array;
  /** Mean gradient of the last batch (or of the last `gradient` call), same layout as params. */
  readonly grads: Float64Array;
  /** Per-layer views of the weights and biases (aliases of `params`). */
  readonly layers: readonly LayerView[];
  /** Instrumentation of the last instrumented epoch. */
  readonly stats: EpochStats;
  /** Epochs trained so far. */
  readonly epoch: number;
  /** Runs one epoch of mini-batch training; returns the mean loss over the epoch's batches. */
  trainEpoch(inputs: Float64Array, targets: Float64Array, options: TrainOptions): number;
  /** Evaluates the first `n` rows of row-major `inputs` in one batched pass. */
  evaluate(inputs: Float64Array, n: number, options?: EvaluateOptions): Evaluation;
  /** Mean loss over a data set, with the current parameters. */
  loss(inputs: Float64Array, targets: Float64Array): number;
  /**
   * With one output: share of outputs on the same side of `threshold` as their targets. With
   * several: share of rows whose largest output sits where their largest target does (the
   * first, on a tie); `threshold` is ignored.
   */
  accuracy(inputs: Float64Array, targets: Float64Array, threshold?: number): number;
  /** Full-batch mean gradient (no weight decay) into `grads`, which it returns. */
  gradient(inputs: Float64Array, targets: Float64Array): Float64Array;
  /** The PReLU slope of non-input layer `layer` (0-based), or null when it is not PReLU. */
  slope(layer: number): number | null;
  /** Copies parameters in (length must match) and resets the optimiser. */
  setParams(values: ArrayLike<number>): void;
  /** Forgets the optimiser's running moments. */
  resetOptimizer(): void;
  /** Configuration and parameters as plain JSON. */
  toJSON(): MlpJson;
}

/** Optional starting state, used by `fromJSON`. */
export interface MlpRestore {
  /** Parameters replacing the seeded initialisation. */
  readonly params?: ArrayLike<number>;
  /** Epoch counter to resume from. */
  readonly epoch?: number;
  /** Batch order and optimiser moments to resume from (null entries read as NaN). */
  readonly training?: TrainingState;
}
