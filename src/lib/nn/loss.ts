/**
 * Losses and their gradient at the output pre-activation, over whole unit-major output buffers.
 *
 * Binary cross-entropy is only offered with a sigmoid output, which lets both the value and the
 * gradient be computed from the logit z instead of from y = σ(z): the textbook
 * −t·log y − (1−t)·log(1−y) overflows to Infinity once σ(z) rounds to 0 or 1 (|z| ≳ 37), while
 * softplus(z) − t·z is finite for every finite z, and dLoss/dz collapses to y − t.
 */
import { activations } from '../activations/index.ts';
import { crossEntropySum } from './softmax.ts';
import type { LossId } from './types.ts';

/** The registry's softplus (stable for every double), so the loss and the figures agree. */
const softplus = activations.softplus.f;

/**
 * Sum of the per-example loss over a batch. `y` outputs, `z` output pre-activations, `t`
 * targets; all unit-major and the same length, `units` outputs per example. `mse`:
 * Σ 0.5(y − t)². `bce`: Σ softplus(z) − t·z, which equals the cross-entropy of σ(z) against t
 * in [0, 1]. `ce`: the categorical cross-entropy of softmax(z) by log-sum-exp (softmax.ts).
 */
export function lossSum(
  loss: LossId,
  y: Float64Array,
  z: Float64Array,
  t: Float64Array,
  units: number,
): number {
  if (loss === 'ce') return crossEntropySum(z, t, units);
  let s = 0;
  if (loss === 'mse') {
    for (let k = 0; k < y.length; k++) {
      const e = y[k]! - t[k]!;
      s += 0.5 * e * e;
    }
  } else {
    for (let k = 0; k < z.length; k++) {
      const zk = z[k]!;
      s += softplus(zk) - t[k]! * zk;
    }
  }
  return s;
}

/**
 * Writes scale · (y − t) · df into `d`, or scale · (y − t) when `df` is null: for `bce` with its
 * sigmoid output that is the whole fused dLoss/dz, and for `mse` with an activation that scales
 * by f' itself (from its outputs) the rest follows in place. Returns Σ 0.5(y − t)², the `mse`
 * loss of the batch (bit for bit {@link lossSum}'s: halving is exact), which training would
 * otherwise compute in a second pass.
 */
export function outputDelta(
  y: Float64Array,
  t: Float64Array,
  df: Float64Array | null,
  d: Float64Array,
  scale: number,
): number {
  let s = 0;
  if (df !== null) {
    for (let k = 0; k < y.length; k++) {
      const e = y[k]! - t[k]!;
      s += e * e;
      d[k] = e * df[k]! * scale;
    }
  } else {
    for (let k = 0; k < y.length; k++) {
      const e = y[k]! - t[k]!;
      s += e * e;
      d[k] = e * scale;
    }
  }
  return 0.5 * s;
}
