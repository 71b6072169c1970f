/**
 * What a reader can change in each digits experiment, and how it travels in the URL
 * (`?digits-dead.lr=0.1&digits-dead.seed=3`, namespace = figure id). Light on purpose: the page's
 * element imports it before any training code, so it imports nothing from the engine.
 */
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import type { NumberParam, ParamTable } from '../../lib/url-state.ts';
import { numberOf, type UrlCodec, type UrlValues } from '../shared/url-codec.ts';

/** The four experiments with lanes (the league is a separate figure). */
export const experimentIds = ['train', 'depth', 'dead', 'centring'] as const;
/** An experiment id; its figure id is `digits-<id>`. */
export type ExperimentId = (typeof experimentIds)[number];

/** Settings of a run; each is a URL parameter where the experiment lets the reader change it. */
export interface RunParams {
  /** Seed of the initial weights and of the batch order (the train/test split is fixed). */
  readonly seed: number;
  /** Epochs to train. */
  readonly epochs: number;
  /** SGD step size. */
  readonly lr: number;
  /** Hidden layers. */
  readonly layers: number;
  /** Hidden activation of the `train` experiment's single network. */
  readonly act: ActivationId;
}

const base = { seed: 1, epochs: 10, lr: 0.1, layers: 2, act: 'relu' } as const satisfies RunParams;

/** The parameters each experiment starts with, the ones its claims are checked at. */
export const experimentDefaults: Readonly<Record<ExperimentId, RunParams>> = {
  train: { ...base, epochs: 20, layers: 1 },
  depth: { ...base, layers: 8 },
  dead: { ...base, lr: 1 },
  centring: base,
};

/** The settings a reader may change per experiment, in control order. */
export const adjustable: Readonly<Record<ExperimentId, readonly (keyof RunParams)[]>> = {
  train: ['act', 'epochs', 'seed'],
  depth: ['layers', 'epochs', 'seed'],
  dead: ['lr', 'epochs', 'seed'],
  centring: ['epochs', 'seed'],
};

/** Bounds of the numeric settings (what the URL and the inputs accept). */
export const numericBounds = {
  seed: { min: 1, max: 9999, integer: true },
  epochs: { min: 1, max: 60, integer: true },
  lr: { min: 0.001, max: 5 },
  layers: { min: 1, max: 12, integer: true },
} as const satisfies Record<Exclude<keyof RunParams, 'act'>, Omit<NumberParam, 'kind' | 'default'>>;

/** The URL codec of one experiment's figure (defaults: the figure's build-time state). */
export function digitsUrl(id: ExperimentId): UrlCodec<RunParams> {
  return {
    table(initial) {
      const table: Record<string, ParamTable[string]> = {};
      for (const key of adjustable[id]) {
        table[key] =
          key === 'act'
            ? { kind: 'enum', values: activationIds, default: initial.act }
            : { kind: 'number', ...numericBounds[key], default: initial[key] };
      }
      return table;
    },
    encode: (state) => Object.fromEntries(adjustable[id].map((k) => [k, state[k]])),
    decode(values: UrlValues, initial) {
      const out: Record<string, string | number> = { ...initial };
      for (const key of adjustable[id])
        out[key] = key === 'act' ? String(values[key]) : numberOf(values, key);
      return out as unknown as RunParams;
    },
  };
}
