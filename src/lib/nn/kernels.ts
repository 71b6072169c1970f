/**
 * The rest of the dense-layer arithmetic on unit-major buffers (see affine.ts for the maps
 * themselves): weight gradients, the elementwise product by f', and the PReLU slope gradient.
 * Plain functions over typed arrays, no closures and no allocation.
 */
import { stridedAffine } from './affine.ts';

/**
 * Weight and bias gradients of a layer, summed over the batch and written (not added) into
 * `grad`: dW[j, i] = Σ_r d[j, r] · a[i, r], db[j] = Σ_r d[j, r], where d is dLoss/dZ. Two units
 * by two inputs per pass, so each loaded value feeds two multiply-adds.
 */
export function weightGradients(
  grad: Float64Array,
  wOff: number,
  bOff: number,
  inSize: number,
  outSize: number,
  d: Float64Array,
  a: Float64Array,
  n: number,
): void {
  let j = 0;
  for (; j + 1 < outSize; j += 2) {
    const d0 = j * n;
    const d1 = d0 + n;
    const g0 = wOff + j * inSize;
    const g1 = g0 + inSize;
    // Every pass also sums d (the bias gradients): cheaper than a pass of its own, which at a
    // batch of 10 costs as much in loop overhead as it does in arithmetic. The first pass stores.
    let i = 0;
    for (; i + 1 < inSize; i += 2) {
      const a0 = i * n;
      const a1 = a0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let sb0 = 0;
      let sb1 = 0;
      for (let r = 0; r < n; r++) {
        const u = d[d0 + r]!;
        const v = d[d1 + r]!;
        const x = a[a0 + r]!;
        const y = a[a1 + r]!;
        s00 += u * x;
        s01 += u * y;
        s10 += v * x;
        s11 += v * y;
        sb0 += u;
        sb1 += v;
      }
      grad[g0 + i] = s00;
      grad[g0 + i + 1] = s01;
      grad[g1 + i] = s10;
      grad[g1 + i + 1] = s11;
      if (i === 0) {
        grad[bOff + j] = sb0;
        grad[bOff + j + 1] = sb1;
      }
    }
    if (i < inSize) {
      const a0 = i * n;
      let s0 = 0;
      let s1 = 0;
      let sb0 = 0;
      let sb1 = 0;
      for (let r = 0; r < n; r++) {
        const u = d[d0 + r]!;
        const v = d[d1 + r]!;
        const x = a[a0 + r]!;
        s0 += u * x;
        s1 += v * x;
        sb0 += u;
        sb1 += v;
      }
      grad[g0 + i] = s0;
      grad[g1 + i] = s1;
      if (i === 0) {
        grad[bOff + j] = sb0;
        grad[bOff + j + 1] = sb1;
      }
    }
  }
  if (j < outSize) {
    const d0 = j * n;
    const g0 = wOff + j * inSize;
    for (let i = 0; i < inSize; i++) {
      const a0 = i * n;
      let s0 = 0;
      let sb = 0;
      for (let r = 0; r < n; r++) {
        const u = d[d0 + r]!;
        s0 += u * a[a0 + r]!;
        sb += u;
      }
      grad[g0 + i] = s0;
      if (i === 0) grad[bOff + j] = sb;
    }
  }
}

/**
 * {@link weightGradients} for wide layers, as a matrix product streamed like the forward map:
 * dW = d · aᵀ is {@link stridedAffine} with the batch's deltas as the weights (unit j's row of
 * d holds W(j, r)) and the activations transposed to example-major (`at`, n×inSize) as the
 * input, so each pass holds four units × four examples of d in registers and streams along a
 * row of dW, each loaded activation feeding four multiply-adds. The dot-product form (one sum
 * per weight over the batch) read a value per multiply-add or spilled its accumulators; at
 * 64-256 units it was the slowest part of an epoch. The sums run over the examples in groups
 * of four (then two, then one), so they differ from the 2×2 kernel's in the last bits; the
 * order is fixed, so a run is still reproducible bit for bit. Bias sums get their own pass.
 */
export function wideWeightGradients(
  grad: Float64Array,
  wOff: number,
  bOff: number,
  inSize: number,
  outSize: number,
  d: Float64Array,
  a: Float64Array,
  n: number,
  at: Float64Array,
): void {
  for (let j = 0; j < outSize; j++) {
    const d0 = j * n;
    let sb = 0;
    for (let r = 0; r < n; r++) sb += d[d0 + r]!;
    grad[bOff + j] = sb;
  }
  for (let i = 0; i < inSize; i++) {
    const a0 = i * n;
    for (let r = 0; r < n; r++) at[r * inSize + i] = a[a0 + r]!;
  }
  stridedAffine(d, 0, n, 1, -1, n, outSize, at, grad, inSize, wOff);
}

/** g[k] *= df[k] over the whole buffer: dLoss/dA becomes dLoss/dZ. */
export function multiplyInPlace(g: Float64Array, df: Float64Array): void {
  for (let k = 0; k < g.length; k++) g[k]! *= df[k]!;
}

/**
 * Gradient of a PReLU layer's shared slope α, from dLoss/dA (before it is multiplied by f'):
 * ∂f/∂α is z where z < 0 and 0 elsewhere, summed over every unit and example.
 */
export function slopeGradient(g: Float64Array, z: Float64Array): number {
  let s = 0;
  for (let k = 0; k < g.length; k++) {
    const zk = z[k]!;
    if (zk < 0) s += g[k]! * zk;
  }
  return s;
}
