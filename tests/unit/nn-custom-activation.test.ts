import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/lib/activations/index.ts';
import { makeDataset } from '../../src/lib/data/index.ts';
import {
  createMlp,
  fromJSON,
  type CustomActivation,
  type MlpSpec,
} from '../../src/lib/nn/index.ts';

const { train } = makeDataset({ kind: 'circle', n: 160, noise: 0, seed: 4, testFraction: 0.25 });
const options = { learningRate: 0.03, batchSize: 10, optimizer: 'sgd' } as const;

/** A registry function, wrapped as if it came from elsewhere. */
function wrapped(id: 'tanh' | 'softsign', label: string): CustomActivation {
  const a = getActivation(id);
  return {
    label,
    f: (x) => a.f(x),
    df: (x) => a.df(x),
    fInto: (x, out) => a.fInto(x, out),
    dfInto: (x, out) => a.dfInto(x, out),
  };
}

const base: MlpSpec = {
  sizes: [2, 5, 1],
  activation: 'relu',
  outputActivation: 'linear',
  loss: 'mse',
  init: 'xavier',
  seed: 11,
};

describe('customActivation', () => {
  it('replaces the hidden activation: a wrapped softsign trains bit for bit like the registry softsign', () => {
    const custom = createMlp({
      ...base,
      customActivation: wrapped('softsign', 'x / (1 + abs(x))'),
    });
    const builtin = createMlp({ ...base, activation: 'softsign' });
    for (let e = 0; e < 5; e++) {
      expect(custom.trainEpoch(train.inputs, train.targets, options)).toBe(
        builtin.trainEpoch(train.inputs, train.targets, options),
      );
    }
    expect(custom.layers[0]!.activation).toBe('custom');
    expect(custom.layers[1]!.activation).toBe('linear');
  });

  it('differs from the id it stands in for', () => {
    const custom = createMlp({
      ...base,
      customActivation: wrapped('softsign', 'x / (1 + abs(x))'),
    });
    const relu = createMlp(base);
    expect(custom.trainEpoch(train.inputs, train.targets, options)).not.toBe(
      relu.trainEpoch(train.inputs, train.targets, options),
    );
  });

  it('rejects a custom activation without functions, naming it', () => {
    const bad = { label: 'x^2' } as unknown as CustomActivation;
    expect(() => createMlp({ ...base, customActivation: bad })).toThrow(/customActivation .*x\^2/);
  });

  it('saves the label and asks for the function again when loading', () => {
    const model = createMlp({ ...base, customActivation: wrapped('softsign', 'x / (1 + abs(x))') });
    model.trainEpoch(train.inputs, train.targets, options);
    const json = JSON.stringify(model);
    expect(JSON.parse(json).spec.customActivation).toEqual({ label: 'x / (1 + abs(x))' });
    expect(() => fromJSON(json)).toThrow(/custom activation x \/ \(1 \+ abs\(x\)\)/);
    const labels: string[] = [];
    const copy = fromJSON(json, (label) => {
      labels.push(label);
      return wrapped('softsign', label);
    });
    expect(labels).toEqual(['x / (1 + abs(x))']);
    expect(copy.params).toEqual(model.params);
    expect(copy.loss(train.inputs, train.targets)).toBe(model.loss(train.inputs, train.targets));
  });
});
