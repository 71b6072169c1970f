/**
 * Checking a network spec and filling in its defaults. Errors name the bad value, because a spec
 * usually comes from a URL or a JSON file a person typed.
 */
import { getActivation } from '../activations/index.ts';
import type { ActivationId } from '../activations/types.ts';
import {
  initIds,
  lossIds,
  outputActivationIds,
  type MlpSpec,
  type ResolvedMlpSpec,
} from './types.ts';

/** True when `value` is one of `ids` (a narrowing `includes`). */
function isOneOf<T extends string>(ids: readonly T[], value: unknown): value is T {
  return (ids as readonly unknown[]).includes(value);
}

/**
 * Validates `spec` and returns it with every optional field filled in.
 * Throws a RangeError that names the offending field and value.
 */
export function resolveSpec(spec: MlpSpec): ResolvedMlpSpec {
  const { sizes } = spec;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`createMlp: sizes needs at least 2 entries, got ${JSON.stringify(sizes)}`);
  }
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) {
      throw new RangeError(`createMlp: bad layer size ${String(s)} in ${JSON.stringify(sizes)}`);
    }
  }
  const hidden = sizes.length - 2;
  const activations: readonly ActivationId[] =
    spec.activations ?? Array.from({ length: hidden }, () => spec.activation);
  if (activations.length !== hidden) {
    throw new RangeError(
      `createMlp: activations has ${activations.length} entries for ${hidden} hidden layers`,
    );
  }
  // getActivation throws on an unknown id, naming it.
  getActivation(spec.activation);
  for (const id of activations) getActivation(id);
  const custom = spec.customActivation;
  if (custom !== undefined) {
    const ok =
      typeof custom.label === 'string' &&
      (['f', 'df', 'fInto', 'dfInto'] as const).every((k) => typeof custom[k] === 'function');
    // A model loaded from JSON keeps only the label; its function must be supplied again.
    if (!ok)
      throw new TypeError(
        `createMlp: customActivation ${JSON.stringify(custom)} needs f, df, fInto and dfInto`,
      );
  }
  if (!isOneOf(outputActivationIds, spec.outputActivation)) {
    throw new RangeError(`createMlp: bad outputActivation ${String(spec.outputActivation)}`);
  }
  if (!isOneOf(lossIds, spec.loss))
    throw new RangeError(`createMlp: bad loss ${String(spec.loss)}`);
  if (spec.loss === 'bce' && spec.outputActivation !== 'sigmoid') {
    throw new RangeError(
      `createMlp: loss bce needs outputActivation sigmoid, got ${spec.outputActivation}`,
    );
  }
  // Softmax outputs are probabilities over classes, and cross-entropy is the loss whose output
  // delta is simply p − t; any other pairing would need the full softmax Jacobian.
  if ((spec.loss === 'ce') !== (spec.outputActivation === 'softmax')) {
    throw new RangeError(
      `createMlp: loss ce and outputActivation softmax go together, got loss ${spec.loss} with ${spec.outputActivation}`,
    );
  }
  if (spec.outputActivation === 'softmax' && sizes[sizes.length - 1]! < 2) {
    throw new RangeError(
      `createMlp: softmax needs at least 2 outputs, got ${JSON.stringify(sizes)}`,
    );
  }
  if (!isOneOf(initIds, spec.init))
    throw new RangeError(`createMlp: bad init ${String(spec.init)}`);
  const initScale = spec.initScale ?? 0.5;
  const biasInit = spec.biasInit ?? 0;
  if (!(Number.isFinite(initScale) && initScale >= 0)) {
    throw new RangeError(`createMlp: bad initScale ${initScale}`);
  }
  if (!Number.isFinite(biasInit)) throw new RangeError(`createMlp: bad biasInit ${biasInit}`);
  if (!Number.isFinite(spec.seed)) throw new RangeError(`createMlp: bad seed ${spec.seed}`);
  return {
    sizes: [...sizes],
    activation: spec.activation,
    activations: [...activations],
    activationParams: { ...spec.activationParams },
    ...(custom === undefined ? {} : { customActivation: custom }),
    outputActivation: spec.outputActivation,
    loss: spec.loss,
    init: spec.init,
    initScale,
    biasInit,
    learnSlopes: spec.learnSlopes ?? true,
    seed: spec.seed,
  };
}
