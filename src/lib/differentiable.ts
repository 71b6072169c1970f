/**
 * The one shape of "a function with its derivative" that the whole site shares: activation
 * records, compiled expressions and the custom activations the engine trains all satisfy it,
 * so each can stand in for another without an adapter.
 */

/** A scalar function of one variable with its derivative. */
export interface ScalarDifferentiable<P = undefined> {
  /** f(x). */
  f(x: number, params?: P): number;
  /** df/dx. */
  df(x: number, params?: P): number;
}

/** The same function over whole arrays as well: what plots and the training engine call. */
export interface Differentiable<P = undefined> extends ScalarDifferentiable<P> {
  /** Writes f(xs[i]) into out[i] for every i and returns out (`out` may be `xs`); allocates nothing. */
  fInto(xs: Float64Array, out: Float64Array, params?: P): Float64Array;
  /** Writes f'(xs[i]) into out[i] for every i and returns out (`out` may be `xs`); allocates nothing. */
  dfInto(xs: Float64Array, out: Float64Array, params?: P): Float64Array;
}
