/**
 * The forward and backward passes of a batch, over a {@link Network} (network.ts) and a
 * {@link Workspace} (layout.ts). No state of their own: they read the parameters, write the
 * workspace's activations and deltas and the network's gradient vector, and allocate nothing.
 */
import { affine, backpropagate } from './affine.ts';
import { multiplyInPlace, slopeGradient, weightGradients, wideWeightGradients } from './kernels.ts';
import type { Workspace } from './layout.ts';
import { outputDelta } from './loss.ts';
import type { Network } from './network.ts';

/**
 * Weights from which a layer's gradients use the wide kernel: a 16×16 playground layer stays on
 * the 2×2 one (the fastest there), a 64×10 output layer and anything bigger moves.
 */
const WIDE_LAYER = 512;

/** Forward pass of `ws.a[0]` (already filled) through every layer. */
export function forward(net: Network, ws: Workspace): void {
  const { layout, acts, actParams, slopeName, params } = net;
  const n = ws.n;
  for (let l = 0; l < layout.layers.length; l++) {
    const lay = layout.layers[l]!;
    const z = ws.z[l + 1]!;
    affine(params, lay.wOffset, lay.bOffset, lay.inSize, lay.outSize, ws.a[l]!, z, n);
    const p = actParams[l]!;
    if (lay.slopeIndex >= 0) p[slopeName[l]!] = params[lay.slopeIndex]!;
    acts[l]!.fInto(z, ws.a[l + 1]!, p);
  }
}

/**
 * Backward pass of the batch in `ws` (targets in `ws.t`): mean gradient into `net.grads`. With
 * `withDf` (instrumentation), `ws.df` also receives every layer's exact f' for the statistics;
 * the gradient itself is computed the same way either way, so instrumenting never changes a run.
 * Returns Σ 0.5(y − t)² over the batch (the `mse` loss, a by-product of the output delta).
 */
export function backward(net: Network, ws: Workspace, withDf: boolean): number {
  const { layout, acts, actParams, lossId, params, grads } = net;
  const L = layout.layers.length;
  const n = ws.n;
  const top = acts[L - 1]!;
  if (withDf || (lossId === 'mse' && !top.scaleByDfFromOutput)) {
    top.dfInto(ws.z[L]!, ws.df[L]!, actParams[L - 1]);
  }
  // bce after a sigmoid and ce after a softmax both reduce to dLoss/dz = y − t.
  const fusedTop = lossId !== 'mse' || top.scaleByDfFromOutput !== undefined;
  const squares = outputDelta(ws.a[L]!, ws.t, fusedTop ? null : ws.df[L]!, ws.g[L]!, 1 / n);
  if (lossId === 'mse') top.scaleByDfFromOutput?.(ws.a[L]!, ws.g[L]!);
  for (let l = L - 1; l >= 0; l--) {
    const lay = layout.layers[l]!;
    const d = ws.g[l + 1]!;
    const a = ws.a[l]!;
    // The streamed kernel only pays off once a layer has room for its blocks.
    if (lay.inSize * lay.outSize >= WIDE_LAYER)
      wideWeightGradients(grads, lay.wOffset, lay.bOffset, lay.inSize, lay.outSize, d, a, n, ws.at);
    else weightGradients(grads, lay.wOffset, lay.bOffset, lay.inSize, lay.outSize, d, a, n);
    if (l === 0) break;
    const g = ws.g[l]!;
    const z = ws.z[l]!;
    backpropagate(params, lay.wOffset, lay.inSize, lay.outSize, d, g, n);
    const below = acts[l - 1]!;
    const belowLayout = layout.layers[l - 1]!;
    if (belowLayout.slopeIndex >= 0) grads[belowLayout.slopeIndex] = slopeGradient(g, z);
    if (withDf || !below.scaleByDfFromOutput) below.dfInto(z, ws.df[l]!, actParams[l - 1]);
    // f' from the outputs already computed where the record allows it: no second exponential
    if (below.scaleByDfFromOutput) below.scaleByDfFromOutput(ws.a[l]!, g);
    else multiplyInPlace(g, ws.df[l]!);
  }
  return squares;
}
