/**
 * Reading a model back from JSON. Writing is `Mlp.toJSON`, so `JSON.stringify(model)` works.
 * The input is untrusted (a file a person loads), so every field is checked and errors name the
 * bad value; the spec itself is checked again by `createMlp`.
 */
import { createMlp } from './mlp.ts';
import type {
  CustomActivation,
  Mlp,
  MlpJson,
  MlpSpec,
  OptimizerId,
  TrainingState,
} from './types.ts';

/** True for a non-null object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Rebuilds a model from `toJSON` output (an object, or its JSON string). Parameters stored as
 * null (non-finite when saved) come back as NaN. A model trained with a custom activation stores
 * only its label; `resolveCustom` turns that label back into the function (e.g. by compiling the
 * expression again) and may throw to reject it. Throws a TypeError or RangeError naming the
 * problem when the input is not a model of this format.
 */
export function fromJSON(json: unknown, resolveCustom?: (label: string) => CustomActivation): Mlp {
  const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!isRecord(data) || data['format'] !== 'activation-notebook/mlp') {
    throw new TypeError('fromJSON: not an activation-notebook/mlp model');
  }
  if (data['version'] !== 1)
    throw new RangeError(`fromJSON: unknown version ${String(data['version'])}`);
  const { spec, params, epoch, training } = data as Partial<Record<keyof MlpJson, unknown>>;
  if (!isRecord(spec)) throw new TypeError('fromJSON: missing spec');
  if (!Array.isArray(params)) throw new TypeError('fromJSON: params is not an array');
  const values = params.map((v: unknown, k) => {
    if (v === null) return Number.NaN;
    if (typeof v !== 'number') throw new TypeError(`fromJSON: params[${k}] is ${String(v)}`);
    return v;
  });
  const restoredEpoch =
    typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 0 ? epoch : 0;
  const saved = spec['customActivation'];
  let custom: CustomActivation | undefined;
  if (saved !== undefined) {
    const label = isRecord(saved) ? saved['label'] : undefined;
    if (typeof label !== 'string') throw new TypeError('fromJSON: customActivation has no label');
    if (!resolveCustom) throw new TypeError(`fromJSON: model uses custom activation ${label}`);
    custom = resolveCustom(label);
  }
  const restoredSpec = { ...spec, customActivation: custom } as unknown as MlpSpec;
  // createMlp validates every spec field, the parameter count and the training state's sizes.
  const state = training === undefined ? undefined : trainingState(training);
  return createMlp(restoredSpec, {
    params: values,
    epoch: restoredEpoch,
    ...(state ? { training: state } : {}),
  });
}

/** An array of numbers or nulls (saved non-finite values), or a TypeError naming `what`. */
function numbersOrNulls(value: unknown, what: string): (number | null)[] {
  if (!Array.isArray(value) || !value.every((v) => v === null || typeof v === 'number')) {
    throw new TypeError(`fromJSON: ${what} is not an array of numbers`);
  }
  return value as (number | null)[];
}

/** The saved training state, checked for shape (createMlp checks the values). */
function trainingState(value: unknown): TrainingState {
  if (!isRecord(value)) throw new TypeError('fromJSON: training is not an object');
  const shuffle = numbersOrNulls(value['shuffle'], 'training.shuffle');
  const optimizer = value['optimizer'];
  if (optimizer !== null && typeof optimizer !== 'string')
    throw new TypeError('fromJSON: training.optimizer is not a name');
  return {
    shuffle: shuffle.map((v) => v ?? Number.NaN),
    optimizer: optimizer as OptimizerId | null,
    step: typeof value['step'] === 'number' ? value['step'] : 0,
    m: numbersOrNulls(value['m'], 'training.m'),
    v: numbersOrNulls(value['v'], 'training.v'),
  };
}
