/**
 * Where every number of a network lives.
 *
 * Parameters: one flat Float64Array, layer by layer `[W1 b1 W2 b2 … WL bL]`, then one PReLU slope
 * per layer that has one. Keeping them in one vector lets the optimisers run a single loop and
 * lets `toJSON` copy one array; the per-layer offsets below say which slice is which.
 *
 * Workspaces: the activations of a batch of `n` examples, unit-major (unit j of a layer at example
 * r is `[j * n + r]`). Unit-major keeps every inner loop contiguous over examples, in the forward
 * pass, the weight gradients and back-propagation alike, and makes each unit's values one slice
 * that `fInto`/`dfInto` process in a single call. Because `fInto` processes its whole input
 * array, a workspace is sized exactly for its `n`; the model caches one per batch size it meets.
 */

/** Offsets of one layer inside the parameter vector. */
export interface LayerLayout {
  /** Inputs per unit. */
  readonly inSize: number;
  /** Units. */
  readonly outSize: number;
  /** Index of W[0, 0]; W is outSize×inSize row-major. */
  readonly wOffset: number;
  /** Index of the first bias. */
  readonly bOffset: number;
  /** Index of this layer's learnable slope, or -1. */
  readonly slopeIndex: number;
}

/** The whole parameter layout. */
export interface Layout {
  /** Non-input layers, first hidden layer first. */
  readonly layers: readonly LayerLayout[];
  /** Length of the parameter vector. */
  readonly paramCount: number;
}

/** Lays out layers of the given widths; `hasSlope[l]` marks layer l (0-based, non-input). */
export function computeLayout(sizes: readonly number[], hasSlope: readonly boolean[]): Layout {
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const inSize = sizes[l - 1]!;
    const outSize = sizes[l]!;
    layers.push({
      inSize,
      outSize,
      wOffset: offset,
      bOffset: offset + inSize * outSize,
      slopeIndex: -1,
    });
    offset += inSize * outSize + outSize;
  }
  const withSlopes = layers.map((layer, l) =>
    hasSlope[l] === true ? { ...layer, slopeIndex: offset++ } : layer,
  );
  return { layers: withSlopes, paramCount: offset };
}

/** Buffers for one batch size. Index 0 of `a` is the input layer; the others are per layer. */
export interface Workspace {
  /** Examples per pass. */
  readonly n: number;
  /** Activations: `a[0]` the inputs (inSize×n), `a[l]` layer l's outputs (units×n). */
  readonly a: readonly Float64Array[];
  /** Pre-activations per layer; `z[0]` is unused (empty). */
  readonly z: readonly Float64Array[];
  /** f'(z) per layer; empty arrays in an evaluation-only workspace. */
  readonly df: readonly Float64Array[];
  /** dLoss/dA, turned in place into dLoss/dZ, per layer; empty when evaluation-only. */
  readonly g: readonly Float64Array[];
  /** Targets of the batch, unit-major (outSize×n). */
  readonly t: Float64Array;
  /**
   * Scratch for one layer's inputs transposed to example-major (n × the widest non-output
   * layer), used by the wide weight-gradient kernel; empty when evaluation-only.
   */
  readonly at: Float64Array;
}

const EMPTY = new Float64Array(0);

/** Allocates a workspace for `n` examples; `withGrad` adds the backward-pass buffers. */
export function createWorkspace(sizes: readonly number[], n: number, withGrad: boolean): Workspace {
  const units = (l: number): number => sizes[l]! * n;
  const all = sizes.map((_, l) => l);
  return {
    n,
    a: all.map((l) => new Float64Array(units(l))),
    z: all.map((l) => (l === 0 ? EMPTY : new Float64Array(units(l)))),
    df: all.map((l) => (l === 0 || !withGrad ? EMPTY : new Float64Array(units(l)))),
    g: all.map((l) => (l === 0 || !withGrad ? EMPTY : new Float64Array(units(l)))),
    t: new Float64Array(units(sizes.length - 1)),
    at: withGrad ? new Float64Array(Math.max(...sizes.slice(0, -1)) * n) : EMPTY,
  };
}

/**
 * A small cache of workspaces by batch size. Training meets at most two sizes per setting (the
 * batch size and the epoch's remainder); evaluation meets one per point count. The cap keeps a
 * caller that cycles through many sizes from holding memory forever.
 */
export function createWorkspaceCache(
  sizes: readonly number[],
  withGrad: boolean,
  cap = 6,
): (n: number) => Workspace {
  const cache = new Map<number, Workspace>();
  return (n: number): Workspace => {
    let ws = cache.get(n);
    if (ws === undefined) {
      if (cache.size >= cap) cache.clear();
      ws = createWorkspace(sizes, n, withGrad);
      cache.set(n, ws);
    }
    return ws;
  };
}

/** Copies rows `order[start…start+n)` of a row-major matrix into a unit-major buffer. */
export function gatherColumns(
  src: Float64Array,
  width: number,
  order: Uint32Array,
  start: number,
  n: number,
  dst: Float64Array,
): void {
  // One and two columns (targets, points in the plane) are nearly every call: no inner loop there.
  if (width === 1) {
    for (let r = 0; r < n; r++) dst[r] = src[order[start + r]!]!;
  } else if (width === 2) {
    for (let r = 0; r < n; r++) {
      const row = order[start + r]! * 2;
      dst[r] = src[row]!;
      dst[n + r] = src[row + 1]!;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const row = order[start + r]! * width;
      for (let i = 0; i < width; i++) dst[i * n + r] = src[row + i]!;
    }
  }
}

/** Copies the first `n` rows of a row-major matrix into a unit-major buffer. */
export function transposeRows(
  src: Float64Array,
  width: number,
  n: number,
  dst: Float64Array,
): void {
  for (let i = 0; i < width; i++) {
    const o = i * n;
    for (let r = 0; r < n; r++) dst[o + r] = src[r * width + i]!;
  }
}
