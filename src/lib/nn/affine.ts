/**
 * The dense affine map on unit-major buffers (unit j at example r is `[j * n + r]`, see
 * layout.ts): the forward pass and back-propagation through the weights, which is the same map
 * with the weight matrix transposed. Plain functions over typed arrays and integers, no closures
 * and no allocation, so V8 keeps each loop monomorphic; register-blocked by outputs and inputs
 * to cut the loads and stores of the accumulator rows.
 */

/**
 * out[outOff + o·n + r] = bias[o] + Σ_k W(o, k) · x[k·n + r] for o < outCount, k < inCount,
 * r < n, where W(o, k) = p[wOff + o·oStride + k·kStride] and bias[o] = p[bOff + o] (0 when
 * bOff < 0). The strides let one kernel serve the forward map (W), back-propagation (Wᵀ) and the
 * weight gradients (kernels.ts: the batch's deltas as W, the activations transposed as x).
 *
 * Four outputs are computed per pass over the examples, four (else two) inputs at a time: each
 * loaded x then feeds four multiply-adds and each output row is read and written once per four
 * inputs, which makes this kernel several times as fast as a one-output axpy loop. `out` is
 * written, not added to.
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
  outOff = 0,
): void {
  let o = 0;
  for (; o + 3 < outCount; o += 4) {
    const y0 = outOff + o * n;
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
    // The first input group writes the rows; later groups accumulate into them. Four inputs per
    // pass where there are four (16 weights in registers: a 8-wide layer costs two passes, not four).
    let k = 0;
    for (; k + 3 < inCount; k += 4) {
      const ka = k * kStride;
      const kb = ka + kStride;
      const kc = kb + kStride;
      const kd = kc + kStride;
      const c00 = p[w0 + ka]!;
      const c01 = p[w0 + kb]!;
      const c02 = p[w0 + kc]!;
      const c03 = p[w0 + kd]!;
      const c10 = p[w1 + ka]!;
      const c11 = p[w1 + kb]!;
      const c12 = p[w1 + kc]!;
      const c13 = p[w1 + kd]!;
      const c20 = p[w2 + ka]!;
      const c21 = p[w2 + kb]!;
      const c22 = p[w2 + kc]!;
      const c23 = p[w2 + kd]!;
      const c30 = p[w3 + ka]!;
      const c31 = p[w3 + kb]!;
      const c32 = p[w3 + kc]!;
      const c33 = p[w3 + kd]!;
      const x0 = k * n;
      const x1 = x0 + n;
      const x2 = x1 + n;
      const x3 = x2 + n;
      if (k === 0) {
        for (let r = 0; r < n; r++) {
          const u = x[r]!;
          const v = x[x1 + r]!;
          const s = x[x2 + r]!;
          const t = x[x3 + r]!;
          out[y0 + r] = b0 + c00 * u + c01 * v + (c02 * s + c03 * t);
          out[y1 + r] = b1 + c10 * u + c11 * v + (c12 * s + c13 * t);
          out[y2 + r] = b2 + c20 * u + c21 * v + (c22 * s + c23 * t);
          out[y3 + r] = b3 + c30 * u + c31 * v + (c32 * s + c33 * t);
        }
      } else {
        for (let r = 0; r < n; r++) {
          const u = x[x0 + r]!;
          const v = x[x1 + r]!;
          const s = x[x2 + r]!;
          const t = x[x3 + r]!;
          out[y0 + r]! += c00 * u + c01 * v + (c02 * s + c03 * t);
          out[y1 + r]! += c10 * u + c11 * v + (c12 * s + c13 * t);
          out[y2 + r]! += c20 * u + c21 * v + (c22 * s + c23 * t);
          out[y3 + r]! += c30 * u + c31 * v + (c32 * s + c33 * t);
        }
      }
    }
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
    const y0 = outOff + o * n;
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
    const y0 = outOff + o * n;
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
  stridedAffine(p, wOff, inSize, 1, bOff, inSize, outSize, a, z, n, 0);
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
  stridedAffine(p, wOff, 1, inSize, -1, outSize, inSize, d, g, n, 0);
}
