/**
 * Reading a model back from JSON. Writing is `Mlp.toJSON`, so `JSON.stringify(model)` works.
 * The input is untrusted (a file a person loads), so every field is checked and errors name the
 * bad value; the spec itself is checked again by `createMlp`.
 */
import { createMlp } from './mlp.ts';
import type { Mlp, MlpJson, MlpSpec } from './types.ts';

/** True for a non-null object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Rebuilds a model from `toJSON` output (an object, or its JSON string). Parameters stored as
 * null (non-finite when saved) come back as NaN. Throws a TypeError or RangeError naming the
 * problem when the input is not a model of this format.
 */
export function fromJSON(json: unknown): Mlp {
  const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!isRecord(data) || data['format'] !== 'activation-notebook/mlp') {
    throw new TypeError('fromJSON: not an activation-notebook/mlp model');
  }
  if (data['version'] !== 1)
    throw new RangeError(`fromJSON: unknown version ${String(data['version'])}`);
  const { spec, params, epoch } = data as Partial<Record<keyof MlpJson, unknown>>;
  if (!isRecord(spec)) throw new TypeError('fromJSON: missing spec');
  if (!Array.isArray(params)) throw new TypeError('fromJSON: params is not an array');
  const values = params.map((v: unknown, k) => {
    if (v === null) return Number.NaN;
    if (typeof v !== 'number') throw new TypeError(`fromJSON: params[${k}] is ${String(v)}`);
    return v;
  });
  const restoredEpoch =
    typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 0 ? epoch : 0;
  // createMlp validates every spec field and the parameter count.
  return createMlp(spec as unknown as MlpSpec, { params: values, epoch: restoredEpoch });
}
