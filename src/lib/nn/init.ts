/**
 * Initial parameters. Draws happen layer by layer, each weight matrix in row-major order, so a
 * seed names one set of weights (and a peer implementation can reproduce it by copying).
 */
import type { Rng } from '../random.ts';
import type { Layout } from './layout.ts';
import type { InitId } from './types.ts';

/** What {@link initializeParams} reads from the spec. */
export interface InitSettings {
  /** Weight scheme. */
  readonly init: InitId;
  /** Half-width of `uniform`. */
  readonly initScale: number;
  /** Every bias starts here. */
  readonly biasInit: number;
}

/**
 * Fills the weights and biases of `params` (not the slopes, which take their activation's
 * parameter value): weights by the scheme, biases with `biasInit`.
 * `xavier` is Glorot uniform, limit √(6/(fanIn + fanOut)); `he` is Kaiming normal with standard
 * deviation √(2/fanIn), the variance that keeps ReLU activations from shrinking layer to layer.
 */
export function initializeParams(
  params: Float64Array,
  layout: Layout,
  settings: InitSettings,
  rng: Rng,
): void {
  for (const layer of layout.layers) {
    const { inSize, outSize, wOffset, bOffset } = layer;
    const count = inSize * outSize;
    for (let k = 0; k < count; k++) {
      let w: number;
      switch (settings.init) {
        case 'zero':
          w = 0;
          break;
        case 'uniform':
          w = rng.uniform(-settings.initScale, settings.initScale);
          break;
        case 'xavier': {
          const limit = Math.sqrt(6 / (inSize + outSize));
          w = rng.uniform(-limit, limit);
          break;
        }
        case 'he':
          w = rng.normal() * Math.sqrt(2 / inSize);
          break;
      }
      params[wOffset + k] = w;
    }
    params.fill(settings.biasInit, bOffset, bOffset + outSize);
  }
}
