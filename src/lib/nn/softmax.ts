/**
 * The softmax output and its categorical cross-entropy, on unit-major buffers (unit k of example
 * r at `[k * n + r]`, see layout.ts). Unlike the registry's activations, softmax mixes the units
 * of one example, so these functions need the number of units to find an example's values.
 *
 * Both are computed from the logits z after subtracting each example's largest logit: the
 * textbook exp(z_k) / Σ exp(z_j) overflows to Infinity/Infinity = NaN once a logit passes ~709,
 * and log(p_k) underflows to −Infinity once p_k rounds to 0. With the shift every exponent is
 * ≤ 0, the sum is ≥ 1, and the loss is log-sum-exp minus the target's logit, finite for every
 * finite z.
 */

/** out[k, r] = exp(z[k, r] − m_r) / Σ_j exp(z[j, r] − m_r), m_r the largest z of example r. */
export function softmaxInto(z: Float64Array, out: Float64Array, units: number): Float64Array {
  const n = z.length / units;
  for (let r = 0; r < n; r++) {
    let m = z[r]!;
    for (let k = 1; k < units; k++) m = Math.max(m, z[k * n + r]!);
    let s = 0;
    for (let k = 0; k < units; k++) {
      const e = Math.exp(z[k * n + r]! - m);
      out[k * n + r] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let k = 0; k < units; k++) out[k * n + r]! *= inv;
  }
  return out;
}

/**
 * Σ over examples of −Σ_k t[k, r] · log p[k, r], computed as Σ_k t[k, r] · (lse_r − z[k, r])
 * with lse_r = m_r + log Σ_j exp(z[j, r] − m_r). Units whose target is 0 are skipped, so a
 * −Infinity logit on a class the example is not costs nothing instead of 0·Infinity = NaN.
 */
export function crossEntropySum(z: Float64Array, t: Float64Array, units: number): number {
  const n = z.length / units;
  let total = 0;
  for (let r = 0; r < n; r++) {
    let m = z[r]!;
    for (let k = 1; k < units; k++) m = Math.max(m, z[k * n + r]!);
    let s = 0;
    for (let k = 0; k < units; k++) s += Math.exp(z[k * n + r]! - m);
    const lse = m + Math.log(s);
    for (let k = 0; k < units; k++) {
      const tk = t[k * n + r]!;
      if (tk !== 0) total += tk * (lse - z[k * n + r]!);
    }
  }
  return total;
}

/**
 * The softmax as an output-layer function. Training never calls `dfInto` (cross-entropy's delta
 * is p − t, fused in the loss); instrumentation does, and gets the Jacobian's diagonal
 * p(1 − p), which is what "saturated" means for a class probability pinned at 0 or 1.
 */
export function softmaxLayer(units: number): {
  readonly id: 'softmax';
  readonly params: readonly [];
  fInto(z: Float64Array, out: Float64Array): Float64Array;
  dfInto(z: Float64Array, out: Float64Array): Float64Array;
} {
  return {
    id: 'softmax',
    params: [],
    fInto: (z, out) => softmaxInto(z, out, units),
    dfInto: (z, out) => {
      softmaxInto(z, out, units);
      for (let k = 0; k < out.length; k++) out[k] = out[k]! * (1 - out[k]!);
      return out;
    },
  };
}
