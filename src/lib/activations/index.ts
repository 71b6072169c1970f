/**
 * The activation registry: every activation record by id, in teaching order.
 *
 * Pure data and functions (no DOM), shared by the lesson widgets, the training engine, the tests
 * and the benchmarks, so a plotted number is the number the engine trains with.
 *
 * Numerical contract (checked by tests/unit/activations-accuracy.test.ts against an 80-digit
 * reference): at default parameters, f is within 4 ULP and df within 8 ULP of the correctly
 * rounded value for every double, from subnormals to ±1.8e308; ±Infinity give the limits and
 * NaN gives NaN. Near a root of df (the minima of GELU, SiLU, Mish...) the absolute error of df
 * is a few units of 2^-56 instead. The vectorised forms fInto / dfInto meet the same contract
 * (checked the same way) but are not bit-identical to f / df: they run an inlined exp
 * (kernels/fast-exp.ts) or a table (kernels/*-table.ts) in branch-free loops and hand tails,
 * ±Infinity and NaN to f / df.
 *
 * Property conventions are those of types.ts: `zeroCentered` means the mean output over a
 * standard normal input is within 0.05 of 0 (the odd functions and SELU), not merely that f can
 * go negative.
 */
import { elu, selu } from './elu-family.ts';
import { gelu, geluTanh } from './gelu.ts';
import { hardSigmoid, hardSwish, hardTanh } from './hard-family.ts';
import { linear, step } from './linear-step.ts';
import { leakyRelu, prelu, relu } from './relu-family.ts';
import { sigmoid, tanh } from './sigmoid-tanh.ts';
import { mish, silu, softplus } from './softplus-family.ts';
import { softsign } from './softsign.ts';
import { eluKernels, seluKernels } from './kernels/elu-family.ts';
import { geluKernels, geluTanhKernels } from './kernels/gelu.ts';
import { hardSigmoidKernels, hardSwishKernels, hardTanhKernels } from './kernels/hard-family.ts';
import { linearKernels, stepKernels } from './kernels/linear-step.ts';
import { reluKernels, slopedReluKernels } from './kernels/relu-family.ts';
import { sigmoidKernels, tanhKernels } from './kernels/sigmoid-tanh.ts';
import { mishKernels, siluKernels, softplusKernels } from './kernels/softplus-family.ts';
import { softsignKernels } from './kernels/softsign.ts';
import {
  activationIds,
  type Activation,
  type ActivationId,
  type ActivationKernels,
  type ActivationMath,
} from './types.ts';

export { activationIds };
export type {
  Activation,
  ActivationId,
  ActivationKernels,
  ActivationMath,
  ActivationProperties,
  ParamSpec,
  Params,
  Range,
  Saturation,
  Smoothness,
} from './types.ts';

/**
 * A registry record: the mathematics (one file per family, what the code view shows) joined to
 * its vectorised forms (kernels/). Frozen, so no consumer can swap a function out.
 */
function record(math: ActivationMath, kernels: ActivationKernels): Activation {
  return Object.freeze({ ...math, ...kernels });
}

/** Every activation record, keyed by id; iterate {@link activationIds} for teaching order. */
export const activations: Readonly<Record<ActivationId, Activation>> = Object.freeze({
  sigmoid: record(sigmoid, sigmoidKernels),
  tanh: record(tanh, tanhKernels),
  relu: record(relu, reluKernels),
  'leaky-relu': record(leakyRelu, slopedReluKernels(leakyRelu.params[0]!)),
  prelu: record(prelu, slopedReluKernels(prelu.params[0]!)),
  elu: record(elu, eluKernels),
  selu: record(selu, seluKernels),
  gelu: record(gelu, geluKernels),
  'gelu-tanh': record(geluTanh, geluTanhKernels),
  silu: record(silu, siluKernels),
  softplus: record(softplus, softplusKernels),
  mish: record(mish, mishKernels),
  softsign: record(softsign, softsignKernels),
  'hard-sigmoid': record(hardSigmoid, hardSigmoidKernels),
  'hard-tanh': record(hardTanh, hardTanhKernels),
  'hard-swish': record(hardSwish, hardSwishKernels),
  linear: record(linear, linearKernels),
  step: record(step, stepKernels),
});

/** True when `id` names a registered activation (narrows it to {@link ActivationId}). */
export function isActivationId(id: string): id is ActivationId {
  return Object.hasOwn(activations, id);
}

/**
 * The record for `id`. Throws `Error('unknown activation: <id>')` for anything else, so a typo
 * in a lesson or URL fails loudly at build time instead of plotting nothing.
 */
export function getActivation(id: string): Activation {
  if (!isActivationId(id)) throw new Error(`unknown activation: ${id}`);
  return activations[id];
}
