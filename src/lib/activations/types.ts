/**
 * The contract every activation record satisfies. No DOM; the only runtime code is the `activationIds` list.
 *
 * Consumers: the lesson widgets (build time and client), the training engine (Worker and Node),
 * the tests and the benchmarks. They all read the same record, so a number plotted on a page is
 * the number the engine trains with.
 */
import type { Differentiable } from '../differentiable.ts';

/** Every activation id, in teaching order (the order lessons introduce them). */
export const activationIds = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'prelu',
  'elu',
  'selu',
  'gelu',
  'gelu-tanh',
  'silu',
  'softplus',
  'mish',
  'softsign',
  'hard-sigmoid',
  'hard-tanh',
  'hard-swish',
  'linear',
  'step',
] as const;

/** A kebab-case activation id; also used in URLs, test names and snapshot file names. */
export type ActivationId = (typeof activationIds)[number];

/** Parameter values by parameter name; a missing name takes the parameter's default. */
export type Params = Readonly<Record<string, number>>;

/** One tunable parameter of an activation (leaky slope, ELU alpha, softplus beta...). */
export interface ParamSpec {
  /** Key in {@link Params}, e.g. `alpha`. */
  readonly name: string;
  /** Human label for a slider, e.g. `negative slope`. */
  readonly label: string;
  /** TeX symbol used in the formula, e.g. `\alpha`. */
  readonly symbol: string;
  /** PyTorch's default value. */
  readonly default: number;
  /** Smallest value a slider offers. */
  readonly min: number;
  /** Largest value a slider offers. */
  readonly max: number;
  /** Slider step. */
  readonly step: number;
  /** True when the training engine may learn it (PReLU's slope). */
  readonly learnable?: boolean;
}

/** The set of values f can take over all real x, as an interval. */
export interface Range {
  /** Infimum (may be -Infinity). */
  readonly min: number;
  /** Supremum (may be Infinity). */
  readonly max: number;
  /** True when some finite x attains `min`. */
  readonly minInclusive: boolean;
  /** True when some finite x attains `max`. */
  readonly maxInclusive: boolean;
  /** The range in TeX, e.g. `(0, 1)`. */
  readonly latex: string;
}

/** Which tails of the input flatten the function (f' tends to 0 there). */
export type Saturation = 'none' | 'left' | 'right' | 'both';

/**
 * Smoothness class: `discontinuous` (step), `C0` (continuous with kinks, e.g. relu),
 * `C1` (continuous first derivative, a jump in the second, e.g. elu with alpha 1),
 * `Cinf` (infinitely differentiable).
 */
export type Smoothness = 'discontinuous' | 'C0' | 'C1' | 'Cinf';

/** Qualitative facts about the function at its default parameters. */
export interface ActivationProperties {
  /**
   * Outputs average near zero for zero-mean symmetric input: |E[f(Z)]| <= 0.05 for a standard
   * normal Z. True for the odd functions (tanh, softsign, hard tanh, linear) and for SELU, which
   * was built for it; false for the ReLU family and the smooth gates, whose negative side is too
   * small to balance the positive one (E[GELU(Z)] = 0.28).
   */
  readonly zeroCentered: boolean;
  /** f is non-decreasing over the whole real line. */
  readonly monotonic: boolean;
  /** Which sides of the output are bounded. */
  readonly bounded: 'both' | 'below' | 'above' | 'none';
  /** Smoothness class. */
  readonly smoothness: Smoothness;
  /** Tails where f' tends to 0. */
  readonly saturates: Saturation;
  /** The x positions where f' jumps (empty for smooth functions). */
  readonly kinks: readonly number[];
  /** Where f' is exactly 0 on an interval, in words (`x < 0`), or null if nowhere. */
  readonly deadRegion: string | null;
  /** f'(0) at default parameters (for a kink at 0, the value `df(0)` returns). */
  readonly dfAtZero: number;
}

/**
 * An activation as mathematics: what a reader studies and the code view shows. f and f' are
 * the scalar functions every figure samples; the vectorised forms live in kernels/.
 */
export interface ActivationMath {
  /** Registry key. */
  readonly id: ActivationId;
  /** Display name, e.g. `Leaky ReLU`. */
  readonly name: string;
  /** One-line plain-text summary for tables and tooltips. */
  readonly summary: string;
  /** Tunable parameters with PyTorch defaults; empty when there are none. */
  readonly params: readonly ParamSpec[];
  /** f(x). Missing params take defaults. Accurate to 4 ULP for every double (see the tests). */
  f(x: number, params?: Params): number;
  /**
   * df/dx, the derivative with respect to the input x (not the parameters). At a kink it
   * returns one of the one-sided values (documented per record). Accurate to 8 ULP.
   */
  df(x: number, params?: Params): number;
  /** f in TeX, as the right-hand side of `f(x) =`; parameters appear by their symbol. */
  readonly latex: string;
  /** f' in TeX, as the right-hand side of `f'(x) =`. */
  readonly dlatex: string;
  /** Range of f at default parameters. */
  readonly range: Range;
  /** Qualitative properties at default parameters. */
  readonly properties: ActivationProperties;
}

/**
 * The vectorised forms of one activation (kernels/): the same f and f' over whole arrays, fast
 * and within the same ULP contract, for the engine and the plots.
 */
export interface ActivationKernels {
  /** Writes f(xs[i]) into out[i] for every i and returns out; allocates nothing. */
  fInto(xs: Float64Array, out: Float64Array, params?: Params): Float64Array;
  /** Writes df(xs[i]) into out[i] for every i and returns out; allocates nothing. */
  dfInto(xs: Float64Array, out: Float64Array, params?: Params): Float64Array;
  /**
   * For functions whose derivative is a function of their output (tanh: 1 − y², sigmoid:
   * y(1 − y), ReLU: [y > 0]): multiplies g[i] by f'(x) in place, from ys[i] = f(x) alone.
   * Back-propagation holds the outputs and needs exactly this product (dLoss/dA into dLoss/dZ),
   * so it skips a second exponential per unit and a pass. The error of f' is a few 2^-53 absolute,
   * not relative (it is 0 in the tails where df is tiny but not 0): right for training, while plots
   * and tables use {@link dfInto}.
   */
  scaleByDfFromOutput?(ys: Float64Array, g: Float64Array): Float64Array;
  /**
   * For records whose vectorised forms run from a table built on first use (GELU, GELU-tanh,
   * softplus): builds it now. Until then, inputs shorter than TABLE_MIN_LENGTH (kernels/loop.ts)
   * take the scalar kernel, so a plot never pays for a table; once built, every call uses it. The
   * training engine calls this when it creates a network, so its results never depend on what
   * ran before.
   */
  prepare?(): void;
}

/** Holds only if T is assignable to U: a compile-time check that costs no code. */
type Satisfying<T extends U, U> = T;

/**
 * One activation function with its derivative, formulas, properties and vectorised forms; it is
 * a {@link Differentiable} (the type says so, or this fails to compile).
 */
export type Activation = Satisfying<ActivationMath & ActivationKernels, Differentiable<Params>>;
