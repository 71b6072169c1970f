/**
 * The dense-layer arithmetic, on unit-major buffers (unit j at example r is `[j * n + r]`, see
 * layout.ts). Plain functions over typed arrays and integers, no closures and no allocation, so
 * V8 keeps each loop monomorphic. Inner loops run over examples, two inputs (or units) at a time
 * to halve the loads and stores of the accumulator row.
 */

/**
 * out[o, r] = bias[o] + Σ_k W(o, k) · x[k, r] for o < outCount, k < inCount, r < n, where
 * W(o, k) = p[wOff + o·oStride + k·kStride] and bias[o] = p[bOff + o] (0 when bOff < 0). The
 * strides let one kernel serve both the forward map (W) and back-propagation (Wᵀ).
 *
 * Four outputs are computed per pass over the examples, two inputs at a time: each loaded x then
 * feeds four multiply-adds and each output row is read and written once per two inputs, which
 * makes this kernel about twice as fast as a one-output axpy loop. `out` is written, not added to.
 */
export function stridedAffine(
  p: Float64Array,
  wOff: number,
  oStride: number,
  kStride: number,
  bOff: number,
  inCount: number,
  outCount: number,
  x: Float64Array,
  out: Float64Array,
  n: number,
): void {
  let o = 0;
  for (; o + 3 < outCount; o += 4) {
    const y0 = o * n;
    const y1 = y0 + n;
    const y2 = y1 + n;
    const y3 = y2 + n;
    const w0 = wOff + o * oStride;
    const w1 = w0 + oStride;
    const w2 = w1 + oStride;
    const w3 = w2 + oStride;
    const b0 = bOff < 0 ? 0 : p[bOff + o]!;
    const b1 = bOff < 0 ? 0 : p[bOff + o + 1]!;
    const b2 = bOff < 0 ? 0 : p[bOff + o + 2]!;
    const b3 = bOff < 0 ? 0 : p[bOff + o + 3]!;
    // The first input pair (or single input) writes the rows; later pairs accumulate into them.
    let k = 0;
    for (; k + 1 < inCount; k += 2) {
      const ka = k * kStride;
      const kb = ka + kStride;
      const c00 = p[w0 + ka]!;
      const c01 = p[w0 + kb]!;
      const c10 = p[w1 + ka]!;
      const c11 = p[w1 + kb]!;
      const c20 = p[w2 + ka]!;
      const c21 = p[w2 + kb]!;
      const c30 = p[w3 + ka]!;
      const c31 = p[w3 + kb]!;
      const x0 = k * n;
      const x1 = x0 + n;
      if (k === 0) {
        for (let r = 0; r < n; r++) {
          const u = x[r]!;
          const v = x[x1 + r]!;
          out[y0 + r] = b0 + c00 * u + c01 * v;
          out[y1 + r] = b1 + c10 * u + c11 * v;
          out[y2 + r] = b2 + c20 * u + c21 * v;
          out[y3 + r] = b3 + c30 * u + c31 * v;
        }
      } else {
        for (let r = 0; r < n; r++) {
          const u = x[x0 + r]!;
          const v = x[x1 + r]!;
          out[y0 + r]! += c00 * u + c01 * v;
          out[y1 + r]! += c10 * u + c11 * v;
          out[y2 + r]! += c20 * u + c21 * v;
          out[y3 + r]! += c30 * u + c31 * v;
        }
      }
    }
    if (k < inCount) {
      const ka = k * kStride;
      const c0 = p[w0 + ka]!;
      const c1 = p[w1 + ka]!;
      const c2 = p[w2 + ka]!;
      const c3 = p[w3 + ka]!;
      const x0 = k * n;
      const first = k === 0;
      for (let r = 0; r < n; r++) {
        const u = x[x0 + r]!;
        out[y0 + r] = (first ? b0 : out[y0 + r]!) + c0 * u;
        out[y1 + r] = (first ? b1 : out[y1 + r]!) + c1 * u;
        out[y2 + r] = (first ? b2 : out[y2 + r]!) + c2 * u;
        out[y3 + r] = (first ? b3 : out[y3 + r]!) + c3 * u;
      }
    }
  }
  // Two outputs per pass for what the quads leave (a 4-2-1 net's second layer is all remainder).
  for (; o + 1 < outCount; o += 2) {
    const y0 = o * n;
    const y1 = y0 + n;
    const w0 = wOff + o * oStride;
    const w1 = w0 + oStride;
    const b0 = bOff < 0 ? 0 : p[bOff + o]!;
    const b1 = bOff < 0 ? 0 : p[bOff + o + 1]!;
    let k = 0;
    for (; k + 1 < inCount; k += 2) {
      const ka = k * kStride;
      const kb = ka + kStride;
      const c00 = p[w0 + ka]!;
      const c01 = p[w0 + kb]!;
      const c10 = p[w1 + ka]!;
      const c11 = p[w1 + kb]!;
      const x0 = k * n;
      const x1 = x0 + n;
      if (k === 0) {
        for (let r = 0; r < n; r++) {
          const u = x[r]!;
          const v = x[x1 + r]!;
          out[y0 + r] = b0 + c00 * u + c01 * v;
          out[y1 + r] = b1 + c10 * u + c11 * v;
        }
      } else {
        for (let r = 0; r < n; r++) {
          const u = x[x0 + r]!;
          const v = x[x1 + r]!;
          out[y0 + r]! += c00 * u + c01 * v;
          out[y1 + r]! += c10 * u + c11 * v;
        }
      }
    }
    if (k < inCount) {
      const ka = k * kStride;
      const c0 = p[w0 + ka]!;
      const c1 = p[w1 + ka]!;
      const x0 = k * n;
      const first = k === 0;
      for (let r = 0; r < n; r++) {
        const u = x[x0 + r]!;
        out[y0 + r] = (first ? b0 : out[y0 + r]!) + c0 * u;
        out[y1 + r] = (first ? b1 : out[y1 + r]!) + c1 * u;
      }
    }
  }
  for (; o < outCount; o++) {
    const y0 = o * n;
    const w0 = wOff + o * oStride;
    const b0 = bOff < 0 ? 0 : p[bOff + o]!;
    let k = 0;
    for (; k + 1 < inCount; k += 2) {
      const c0 = p[w0 + k * kStride]!;
      const c1 = p[w0 + (k + 1) * kStride]!;
      const x0 = k * n;
      const x1 = x0 + n;
      if (k === 0) {
        for (let r = 0; r < n; r++) out[y0 + r] = b0 + c0 * x[r]! + c1 * x[x1 + r]!;
      } else {
        for (let r = 0; r < n; r++) out[y0 + r]! += c0 * x[x0 + r]! + c1 * x[x1 + r]!;
      }
    }
    if (k < inCount) {
      const c0 = p[w0 + k * kStride]!;
      const x0 = k * n;
      const first = k === 0;
      for (let r = 0; r < n; r++) out[y0 + r] = (first ? b0 : out[y0 + r]!) + c0 * x[x0 + r]!;
    }
  }
}

/**
 * Forward affine map of a batch: z[j, r] = b[j] + Σ_i W[j, i] · a[i, r], with W (outSize×inSize,
 * row-major) at `p[wOff…]` and b at `p[bOff…]`.
 */
export function affine(
  p: Float64Array,
  wOff: number,
  bOff: number,
  inSize: number,
  outSize: number,
  a: Float64Array,
  z: Float64Array,
  n: number,
): void {
  stridedAffine(p, wOff, inSize, 1, bOff, inSize, outSize, a, z, n);
}

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
    let sb0 = 0;
    let sb1 = 0;
    for (let r = 0; r < n; r++) {
      sb0 += d[d0 + r]!;
      sb1 += d[d1 + r]!;
    }
    grad[bOff + j] = sb0;
    grad[bOff + j + 1] = sb1;
    const g0 = wOff + j * inSize;
    const g1 = g0 + inSize;
    let i = 0;
    for (; i + 1 < inSize; i += 2) {
      const a0 = i * n;
      const a1 = a0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let r = 0; r < n; r++) {
        const u = d[d0 + r]!;
        const v = d[d1 + r]!;
        const x = a[a0 + r]!;
        const y = a[a1 + r]!;
        s00 += u * x;
        s01 += u * y;
        s10 += v * x;
        s11 += v * y;
      }
      grad[g0 + i] = s00;
      grad[g0 + i + 1] = s01;
      grad[g1 + i] = s10;
      grad[g1 + i + 1] = s11;
    }
    if (i < inSize) {
      const a0 = i * n;
      let s0 = 0;
      let s1 = 0;
      for (let r = 0; r < n; r++) {
        const x = a[a0 + r]!;
        s0 += d[d0 + r]! * x;
        s1 += d[d1 + r]! * x;
      }
      grad[g0 + i] = s0;
      grad[g1 + i] = s1;
    }
  }
  if (j < outSize) {
    const d0 = j * n;
    let sb = 0;
    for (let r = 0; r < n; r++) sb += d[d0 + r]!;
    grad[bOff + j] = sb;
    const g0 = wOff + j * inSize;
    for (let i = 0; i < inSize; i++) {
      const a0 = i * n;
      let s0 = 0;
      for (let r = 0; r < n; r++) s0 += d[d0 + r]! * a[a0 + r]!;
      grad[g0 + i] = s0;
    }
  }
}

/** Back-propagation through the weights: g[i, r] = Σ_j W[j, i] · d[j, r]. */
export function backpropagate(
  p: Float64Array,
  wOff: number,
  inSize: number,
  outSize: number,
  d: Float64Array,
  g: Float64Array,
  n: number,
): void {
  stridedAffine(p, wOff, 1, inSize, -1, outSize, inSize, d, g, n);
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
