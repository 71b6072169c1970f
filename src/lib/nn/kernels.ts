/**
 * The rest of the dense-layer arithmetic on unit-major buffers (see affine.ts for the maps
 * themselves): weight gradients, the elementwise product by f', and the PReLU slope gradient.
 * Plain functions over typed arrays, no closures and no allocation.
 */

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
 * {@link weightGradients} for wide layers, bit for bit the same sums (each one over the examples
 * in order, from 0): three units by four inputs per pass, so each loaded d feeds four
 * multiply-adds and each loaded activation three, twelve sums in registers. The 2×2 kernel reads
 * a value per multiply-add; at 64-256 units that made it the slowest part of an epoch (a third of
 * the time for a third of the arithmetic, against two thirds for the two affine maps). The bias
 * sums get their own pass: cheap once, wasted when repeated in every block as the 2×2 kernel does.
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
): void {
  for (let j = 0; j < outSize; j++) {
    const d0 = j * n;
    let sb = 0;
    for (let r = 0; r < n; r++) sb += d[d0 + r]!;
    grad[bOff + j] = sb;
  }
  let j = 0;
  for (; j + 2 < outSize; j += 3) {
    const d0 = j * n;
    const d1 = d0 + n;
    const d2 = d1 + n;
    const g0 = wOff + j * inSize;
    const g1 = g0 + inSize;
    const g2 = g1 + inSize;
    let i = 0;
    for (; i + 3 < inSize; i += 4) {
      const a0 = i * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      let s23 = 0;
      for (let r = 0; r < n; r++) {
        const x0 = a[a0 + r]!;
        const x1 = a[a1 + r]!;
        const x2 = a[a2 + r]!;
        const x3 = a[a3 + r]!;
        const u = d[d0 + r]!;
        const v = d[d1 + r]!;
        const w = d[d2 + r]!;
        s00 += u * x0;
        s01 += u * x1;
        s02 += u * x2;
        s03 += u * x3;
        s10 += v * x0;
        s11 += v * x1;
        s12 += v * x2;
        s13 += v * x3;
        s20 += w * x0;
        s21 += w * x1;
        s22 += w * x2;
        s23 += w * x3;
      }
      grad[g0 + i] = s00;
      grad[g0 + i + 1] = s01;
      grad[g0 + i + 2] = s02;
      grad[g0 + i + 3] = s03;
      grad[g1 + i] = s10;
      grad[g1 + i + 1] = s11;
      grad[g1 + i + 2] = s12;
      grad[g1 + i + 3] = s13;
      grad[g2 + i] = s20;
      grad[g2 + i + 1] = s21;
      grad[g2 + i + 2] = s22;
      grad[g2 + i + 3] = s23;
    }
    for (; i < inSize; i++) {
      const a0 = i * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let r = 0; r < n; r++) {
        const x = a[a0 + r]!;
        s0 += d[d0 + r]! * x;
        s1 += d[d1 + r]! * x;
        s2 += d[d2 + r]! * x;
      }
      grad[g0 + i] = s0;
      grad[g1 + i] = s1;
      grad[g2 + i] = s2;
    }
  }
  // The one or two units a multiple of three leaves (10 classes: one), four inputs at a time.
  for (; j < outSize; j++) {
    const d0 = j * n;
    const g0 = wOff + j * inSize;
    let i = 0;
    for (; i + 3 < inSize; i += 4) {
      const a0 = i * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < n; r++) {
        const u = d[d0 + r]!;
        s0 += u * a[a0 + r]!;
        s1 += u * a[a1 + r]!;
        s2 += u * a[a2 + r]!;
        s3 += u * a[a3 + r]!;
      }
      grad[g0 + i] = s0;
      grad[g0 + i + 1] = s1;
      grad[g0 + i + 2] = s2;
      grad[g0 + i + 3] = s3;
    }
    for (; i < inSize; i++) {
      const a0 = i * n;
      let s0 = 0;
      for (let r = 0; r < n; r++) s0 += d[d0 + r]! * a[a0 + r]!;
      grad[g0 + i] = s0;
    }
  }
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
