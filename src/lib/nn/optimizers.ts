/**
 * Update rules over the flat parameter vector.
 *
 * State: momentum's velocity, or Adam's two moment vectors and step count, each the length of
 * the parameter vector, allocated on first use of that rule and reused afterwards. Lifecycle: the
 * model owns one state; switching rule resets it (running moments of one rule mean nothing to
 * another), and so does `reset`. What can go stale: nothing else, since the state never points
 * at the parameters themselves.
 */
import type { OptimizerId, TrainOptions } from './types.ts';

/** Running state of the optimiser. */
export interface OptimizerState {
  /** Rule the state belongs to, or null before the first update. */
  kind: OptimizerId | null;
  /** Momentum velocity, or Adam's first moment. */
  m: Float64Array;
  /** Adam's second moment. */
  v: Float64Array;
  /** Updates made with the current rule (Adam's bias correction needs it). */
  step: number;
}

/** Creates an empty state; the moment buffers are allocated on the first update that needs them. */
export function createOptimizerState(): OptimizerState {
  return { kind: null, m: new Float64Array(0), v: new Float64Array(0), step: 0 };
}

/** Forgets the running moments, keeping the buffers. */
export function resetOptimizerState(state: OptimizerState): void {
  state.kind = null;
  state.m.fill(0);
  state.v.fill(0);
  state.step = 0;
}

/**
 * Applies one update to `params` from `grads` (a mean gradient, weight decay already added).
 * SGD: p −= lr·g. Momentum (PyTorch's form): m = μ·m + g; p −= lr·m. Adam: bias-corrected
 * moments, p −= lr·m̂/(√v̂ + ε). Non-finite gradients flow through: a diverged run yields NaN
 * parameters and a NaN loss rather than an exception.
 */
export function applyUpdate(
  state: OptimizerState,
  params: Float64Array,
  grads: Float64Array,
  options: TrainOptions,
): void {
  const lr = options.learningRate;
  const count = params.length;
  if (state.kind !== options.optimizer) {
    if (options.optimizer !== 'sgd' && state.m.length !== count) state.m = new Float64Array(count);
    if (options.optimizer === 'adam' && state.v.length !== count) state.v = new Float64Array(count);
    resetOptimizerState(state);
    state.kind = options.optimizer;
  }
  state.step++;
  if (options.optimizer === 'sgd') {
    for (let k = 0; k < count; k++) params[k]! -= lr * grads[k]!;
  } else if (options.optimizer === 'momentum') {
    const mu = options.momentum ?? 0.9;
    const m = state.m;
    for (let k = 0; k < count; k++) {
      const mk = mu * m[k]! + grads[k]!;
      m[k] = mk;
      params[k]! -= lr * mk;
    }
  } else {
    const b1 = options.beta1 ?? 0.9;
    const b2 = options.beta2 ?? 0.999;
    const eps = options.epsilon ?? 1e-8;
    const c1 = 1 / (1 - b1 ** state.step);
    const c2 = 1 / (1 - b2 ** state.step);
    const m = state.m;
    const v = state.v;
    for (let k = 0; k < count; k++) {
      const g = grads[k]!;
      const mk = b1 * m[k]! + (1 - b1) * g;
      const vk = b2 * v[k]! + (1 - b2) * g * g;
      m[k] = mk;
      v[k] = vk;
      params[k]! -= (lr * mk * c1) / (Math.sqrt(vk * c2) + eps);
    }
  }
}
