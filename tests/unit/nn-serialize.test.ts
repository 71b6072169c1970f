import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/lib/activations/index.ts';
import { makeDataset } from '../../src/lib/data/index.ts';
import { createMlp, fromJSON } from '../../src/lib/nn/index.ts';

const { train } = makeDataset({ kind: 'moons', n: 120, noise: 0.1, seed: 3, testFraction: 0.25 });
const options = { learningRate: 0.01, batchSize: 8, optimizer: 'adam' } as const;

describe('toJSON / fromJSON', () => {
  it('round-trips configuration, weights and epoch through a JSON string', () => {
    const model = createMlp({
      sizes: [2, 4, 3, 1],
      activation: 'prelu',
      activations: ['prelu', 'leaky-relu'],
      // One flat table serves every hidden layer; each record reads the names it knows.
      activationParams: Object.fromEntries(
        ['prelu', 'leaky-relu'].map((id) => [getActivation(id).params[0]!.name, 0.2]),
      ),
      outputActivation: 'tanh',
      loss: 'mse',
      init: 'he',
      biasInit: 0.1,
      seed: 9,
    });
    for (let e = 0; e < 5; e++) model.trainEpoch(train.inputs, train.targets, options);
    const copy = fromJSON(JSON.stringify(model));
    expect(copy.spec).toEqual(model.spec);
    expect(copy.params).toEqual(model.params);
    expect(copy.epoch).toBe(5);
    expect(copy.slope(0)).toBe(model.slope(0));
    expect(copy.slope(0)).not.toBe(0.2);
    expect(copy.loss(train.inputs, train.targets)).toBe(model.loss(train.inputs, train.targets));
  });

  it('stores non-finite parameters as null and reads them back as NaN', () => {
    const model = createMlp({
      sizes: [2, 1],
      activation: 'tanh',
      outputActivation: 'linear',
      loss: 'mse',
      init: 'zero',
      seed: 1,
    });
    model.params[0] = Number.POSITIVE_INFINITY;
    const json = model.toJSON();
    expect(json.params[0]).toBeNull();
    expect(Number.isNaN(fromJSON(json).params[0])).toBe(true);
  });

  it('rejects foreign or damaged input, naming the problem', () => {
    expect(() => fromJSON({})).toThrow(/not an activation-notebook/);
    const good = createMlp({
      sizes: [2, 2, 1],
      activation: 'relu',
      outputActivation: 'tanh',
      loss: 'mse',
      init: 'he',
      seed: 1,
    }).toJSON();
    expect(() => fromJSON({ ...good, version: 2 })).toThrow(/version 2/);
    expect(() => fromJSON({ ...good, params: good.params.slice(1) })).toThrow(
      /expected 9 values, got 8/,
    );
    expect(() => fromJSON({ ...good, params: ['x', ...good.params.slice(1)] })).toThrow(
      /params\[0\]/,
    );
    expect(() => fromJSON({ ...good, spec: { ...good.spec, activation: 'nope' } })).toThrow(/nope/);
  });

  it.each(['sgd', 'momentum', 'adam'] as const)(
    'a model saved mid-run continues exactly as an uninterrupted one (%s, shuffled batches)',
    (optimizer) => {
      const spec = {
        sizes: [2, 5, 1],
        activation: 'tanh',
        outputActivation: 'linear',
        loss: 'mse',
        init: 'xavier',
        seed: 4,
      } as const;
      const opts = { learningRate: 0.02, batchSize: 7, optimizer } as const;
      const straight = createMlp(spec);
      const first = createMlp(spec);
      for (let e = 0; e < 4; e++) {
        straight.trainEpoch(train.inputs, train.targets, opts);
        first.trainEpoch(train.inputs, train.targets, opts);
      }
      const resumed = fromJSON(JSON.stringify(first));
      for (let e = 0; e < 4; e++) {
        expect(resumed.trainEpoch(train.inputs, train.targets, opts)).toBe(
          straight.trainEpoch(train.inputs, train.targets, opts),
        );
      }
      expect(resumed.params).toEqual(straight.params);
      expect(resumed.epoch).toBe(8);
    },
  );

  it('rejects a damaged training state, naming it', () => {
    const good = createMlp({
      sizes: [2, 2, 1],
      activation: 'relu',
      outputActivation: 'tanh',
      loss: 'mse',
      init: 'he',
      seed: 1,
    });
    good.trainEpoch(train.inputs, train.targets, {
      learningRate: 0.01,
      batchSize: 8,
      optimizer: 'adam',
    });
    const json = good.toJSON();
    const t = json.training!;
    expect(() => fromJSON({ ...json, training: { ...t, shuffle: [1, 2] } })).toThrow(
      /not a generator state/,
    );
    expect(() => fromJSON({ ...json, training: { ...t, m: [1, 2, 3] } })).toThrow(
      /saved m has 3 values for 9/,
    );
    expect(() => fromJSON({ ...json, training: { ...t, optimizer: 'lbfgs' } })).toThrow(/lbfgs/);
    expect(() => fromJSON({ ...json, training: 'x' })).toThrow(/training is not an object/);
    // Files saved before the training state existed still load (and start a fresh optimiser).
    const { training: _dropped, ...old } = json;
    expect(fromJSON(old).params).toEqual(good.params);
  });
});
