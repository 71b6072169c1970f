/**
 * Allocation of a network: the layer functions, their parameter objects, the parameter layout,
 * and the parameter and gradient vectors initialised from the seed. Everything the passes
 * (passes.ts) read lives in one {@link Network} record, built once by {@link allocateNetwork}.
 *
 * State: `params` and `grads` are written by training; `actParams` holds one mutable object per
 * layer, into which the forward pass copies a learnable PReLU slope before each use. Nothing
 * else changes after allocation. What can go stale: `actParams` shows a slope only as of the
 * last forward pass; read the slope from `params` (at the layer's `slopeIndex`).
 */
import { getActivation } from '../activations/index.ts';
import type { Activation, ActivationId } from '../activations/types.ts';
import { createRng } from '../random.ts';
import { initializeParams } from './init.ts';
import { computeLayout, type Layout } from './layout.ts';
import { softmaxLayer } from './softmax.ts';
import type { CustomActivation, LossId, ResolvedMlpSpec } from './types.ts';

/** What a layer needs of its activation: a registry record or a named custom function. */
export type LayerFunction = Pick<
  Activation,
  'params' | 'fInto' | 'dfInto' | 'scaleByDfFromOutput' | 'prepare'
> & {
  readonly id: ActivationId | 'custom' | 'softmax';
};

/** A network's fixed structure and its parameter and gradient vectors. */
export interface Network {
  /** Where every parameter lives. */
  readonly layout: Layout;
  /** The function of each non-input layer, the output layer last. */
  readonly acts: readonly LayerFunction[];
  /** One mutable params object per layer, passed to f/df. */
  readonly actParams: readonly Record<string, number>[];
  /** The name of each layer's learnable parameter (`alpha` when it has none). */
  readonly slopeName: readonly string[];
  /** Loss the backward pass differentiates. */
  readonly lossId: LossId;
  /** Every weight, bias and learnable slope (layout.ts). */
  readonly params: Float64Array;
  /** The mean gradient of the last batch, the same layout. */
  readonly grads: Float64Array;
}

/**
 * A custom function as a layer function: the same Differentiable, named `custom`, with no
 * parameters (so the engine's params argument does not reach it).
 */
function customLayerFunction(custom: CustomActivation): LayerFunction {
  return {
    id: 'custom',
    params: [],
    fInto: (x, out) => custom.fInto(x, out),
    dfInto: (x, out) => custom.dfInto(x, out),
  };
}

/** Builds the layers of a resolved spec and initialises its parameters from the seed. */
export function allocateNetwork(resolved: ResolvedMlpSpec): Network {
  const { sizes } = resolved;
  const custom = resolved.customActivation;
  const acts: LayerFunction[] = [
    ...resolved.activations.map((id) => (custom ? customLayerFunction(custom) : getActivation(id))),
    resolved.outputActivation === 'softmax'
      ? softmaxLayer(sizes[sizes.length - 1]!)
      : getActivation(resolved.outputActivation),
  ];
  // Table kernels build now, so every batch, short or long, takes the same path: a run's
  // numbers then never depend on what the page computed before it
  for (const act of acts) act.prepare?.();
  // One mutable params object per layer, passed to f/df; a PReLU slope is copied in before use.
  const actParams: Record<string, number>[] = acts.map((act, l) => {
    const values: Record<string, number> = {};
    for (const p of act.params) {
      const given = l < acts.length - 1 ? resolved.activationParams[p.name] : undefined;
      values[p.name] = given ?? p.default;
    }
    return values;
  });
  const slopeName = acts.map((act) => act.params.find((p) => p.learnable)?.name ?? 'alpha');
  // Only PReLU's slope has a known gradient (kernels.slopeGradient); others stay fixed.
  const hasSlope = acts.map(
    (act, l) => resolved.learnSlopes && l < acts.length - 1 && act.id === 'prelu',
  );
  const layout = computeLayout(sizes, hasSlope);
  const params = new Float64Array(layout.paramCount);
  const grads = new Float64Array(layout.paramCount);
  initializeParams(params, layout, resolved, createRng(resolved.seed));
  layout.layers.forEach((lay, l) => {
    if (lay.slopeIndex >= 0) params[lay.slopeIndex] = actParams[l]![slopeName[l]!]!;
  });
  return { layout, acts, actParams, slopeName, lossId: resolved.loss, params, grads };
}
