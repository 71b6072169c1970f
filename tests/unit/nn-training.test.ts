/**
 * Training behaviour: seeded convergence per activation, determinism, optimisers, weight decay,
 * learnable PReLU slopes, buffer reuse, divergence without exceptions.
 */
import { describe, expect, it } from 'vitest';
import { activationIds, type ActivationId } from '../../src/lib/activations/types.ts';
import { makeDataset, type DatasetKind } from '../../src/lib/data/index.ts';
import { createMlp, type MlpSpec, type TrainOptions } from '../../src/lib/nn/index.ts';

const data = (kind: DatasetKind, labels: 'signed' | 'binary' = 'signed') =>
  makeDataset({ kind, n: 300, noise: 0, seed: 7, testFraction: 0.3, labels });

const adam: TrainOptions = { learningRate: 0.02, batchSize: 10, optimizer: 'adam' };

/** Test accuracy after seeded training of a 2-8-8-1 net with the given hidden activation. */
function trainedAccuracy(activation: ActivationId, kind: DatasetKind, epochs = 150): number {
  const { train, test } = data(kind);
  const model = createMlp({
    sizes: [2, 8, 8, 1],
    activation,
    outputActivation: 'tanh',
    loss: 'mse',
    init: 'xavier',
    seed: 1,
  });
  for (let e = 0; e < epochs; e++) model.trainEpoch(train.inputs, train.targets, adam);
  return model.accuracy(test.inputs, test.targets);
}

const nonlinear = activationIds.filter((id) => id !== 'linear' && id !== 'step');

describe('seeded convergence', () => {
  const circle = new Map<ActivationId, number>();

  it.each(nonlinear)('%s separates circle and xor', (id) => {
    const onCircle = trainedAccuracy(id, 'circle');
    circle.set(id, onCircle);
    expect(onCircle).toBeGreaterThan(0.95);
    expect(trainedAccuracy(id, 'xor')).toBeGreaterThan(0.9);
  });

  it('linear cannot separate circle: accuracy stays well below every nonlinear one', () => {
    const linear = trainedAccuracy('linear', 'circle');
    expect(linear).toBeLessThan(0.75);
    for (const id of nonlinear) expect(circle.get(id) ?? 1).toBeGreaterThan(linear + 0.2);
  });

  it('reaches a low loss with bce and a sigmoid output', () => {
    const { train } = data('circle', 'binary');
    const model = createMlp({
      sizes: [2, 8, 1],
      activation: 'relu',
      outputActivation: 'sigmoid',
      loss: 'bce',
      init: 'he',
      seed: 1,
    });
    for (let e = 0; e < 150; e++) model.trainEpoch(train.inputs, train.targets, adam);
    expect(model.loss(train.inputs, train.targets)).toBeLessThan(0.05);
    expect(model.accuracy(train.inputs, train.targets)).toBeGreaterThan(0.98);
  });
});

const spec: MlpSpec = {
  sizes: [2, 6, 6, 1],
  activation: 'tanh',
  outputActivation: 'tanh',
  loss: 'mse',
  init: 'xavier',
  seed: 11,
};

function lossCurve(s: MlpSpec, options: TrainOptions, epochs: number): number[] {
  const { train } = data('circle');
  const model = createMlp(s);
  return Array.from({ length: epochs }, () =>
    model.trainEpoch(train.inputs, train.targets, options),
  );
}

describe('determinism', () => {
  it('gives bit-identical losses for the same seed and settings', () => {
    const options: TrainOptions = { ...adam, l2: 1e-3, instrument: true };
    expect(lossCurve(spec, options, 20)).toEqual(lossCurve(spec, options, 20));
    const prelu = { ...spec, activation: 'prelu' } as const;
    expect(lossCurve(prelu, adam, 10)).toEqual(lossCurve(prelu, adam, 10));
  });

  it('differs for a different seed', () => {
    expect(lossCurve(spec, adam, 5)).not.toEqual(lossCurve({ ...spec, seed: 12 }, adam, 5));
  });
});

describe('optimisers and regularisation', () => {
  it.each(['sgd', 'momentum', 'adam'] as const)('%s reduces the loss', (optimizer) => {
    const learningRate = optimizer === 'adam' ? 0.01 : 0.05;
    const curve = lossCurve(spec, { learningRate, batchSize: 10, optimizer }, 40);
    expect(curve.at(-1)!).toBeLessThan(0.5 * curve[0]!);
  });

  it('one full-batch SGD epoch is exactly one step along gradient()', () => {
    const { train } = data('xor');
    const a = createMlp(spec);
    const b = createMlp(spec);
    const g = a.gradient(train.inputs, train.targets).slice();
    b.trainEpoch(train.inputs, train.targets, {
      learningRate: 0.1,
      batchSize: train.n,
      optimizer: 'sgd',
      shuffle: false,
    });
    b.params.forEach((p, k) => expect(p).toBe(a.params[k]! - 0.1 * g[k]!));
  });

  it('L2 weight decay shrinks the weights', () => {
    const { train } = data('circle');
    const norm = (model: ReturnType<typeof createMlp>) =>
      model.layers.reduce((s, l) => s + l.weights.reduce((t, w) => t + w * w, 0), 0);
    const plain = createMlp(spec);
    const decayed = createMlp(spec);
    for (let e = 0; e < 30; e++) {
      plain.trainEpoch(train.inputs, train.targets, adam);
      decayed.trainEpoch(train.inputs, train.targets, { ...adam, l2: 0.05 });
    }
    expect(norm(decayed)).toBeLessThan(0.7 * norm(plain));
  });

  it('L2 adds λ·w to the gradient of weights only', () => {
    const { train } = data('xor');
    const a = createMlp({ ...spec, biasInit: 0.3 });
    const b = createMlp({ ...spec, biasInit: 0.3 });
    const g = a.gradient(train.inputs, train.targets).slice();
    b.trainEpoch(train.inputs, train.targets, {
      learningRate: 0.1,
      batchSize: train.n,
      optimizer: 'sgd',
      l2: 0.5,
      shuffle: false,
    });
    const isWeight = new Uint8Array(a.params.length);
    for (const l of a.layers) isWeight.fill(1, l.weights.byteOffset / 8, l.biases.byteOffset / 8);
    b.params.forEach((p, k) => {
      const w = a.params[k]!;
      expect(p).toBe(w - 0.1 * (isWeight[k] === 1 ? g[k]! + 0.5 * w : g[k]!));
    });
  });

  it('learns the PReLU slope only when asked', () => {
    const { train } = data('circle');
    const learned = createMlp({ ...spec, activation: 'prelu', init: 'he' });
    const fixed = createMlp({ ...spec, activation: 'prelu', init: 'he', learnSlopes: false });
    for (let e = 0; e < 10; e++) {
      learned.trainEpoch(train.inputs, train.targets, adam);
      fixed.trainEpoch(train.inputs, train.targets, adam);
    }
    expect(learned.slope(0)).not.toBe(0.25);
    expect(learned.slope(1)).not.toBe(0.25);
    expect(learned.slope(2)).toBeNull();
    expect(fixed.slope(0)).toBe(0.25);
    expect(fixed.params).toHaveLength(learned.params.length - 2);
  });
});

describe('buffers', () => {
  it('reuses its typed arrays across steps and evaluations', () => {
    const { train } = data('circle');
    const model = createMlp(spec);
    const { params, grads, stats } = model;
    const weights = model.layers[0]!.weights;
    model.trainEpoch(train.inputs, train.targets, adam);
    const first = model.evaluate(train.inputs, train.n, { keepNeurons: true });
    const neurons = first.neurons;
    for (let e = 0; e < 3; e++)
      model.trainEpoch(train.inputs, train.targets, { ...adam, instrument: true });
    const again = model.evaluate(train.inputs, train.n, { keepNeurons: true });
    expect(model.params).toBe(params);
    expect(model.grads).toBe(grads);
    expect(model.stats).toBe(stats);
    expect(model.layers[0]!.weights).toBe(weights);
    expect(weights.buffer).toBe(params.buffer);
    expect(again).toBe(first);
    again.neurons.forEach((a, l) => expect(a).toBe(neurons[l]));
    expect(again.outputs).toBe(again.neurons.at(-1));
  });

  it('evaluates in one pass what loss and accuracy report', () => {
    const { test } = data('circle');
    const model = createMlp(spec);
    const { outputs } = model.evaluate(test.inputs, test.n);
    const mse = outputs.reduce((s, y, r) => s + 0.5 * (y - test.targets[r]!) ** 2, 0) / test.n;
    expect(model.loss(test.inputs, test.targets)).toBeCloseTo(mse, 14);
  });
});

describe('robustness', () => {
  it('returns NaN or Infinity for a diverging run instead of throwing', () => {
    const { train } = data('circle');
    const model = createMlp({
      ...spec,
      activation: 'relu',
      outputActivation: 'linear',
      init: 'he',
    });
    let last = 0;
    for (let e = 0; e < 20; e++)
      last = model.trainEpoch(train.inputs, train.targets, {
        learningRate: 50,
        batchSize: 10,
        optimizer: 'sgd',
      });
    expect(Number.isFinite(last)).toBe(false);
    expect(() => model.evaluate(train.inputs, train.n)).not.toThrow();
  });

  it('rejects bad specs and shapes, naming the bad value', () => {
    expect(() => createMlp({ ...spec, sizes: [2] })).toThrow(/sizes/);
    expect(() => createMlp({ ...spec, sizes: [2, 0, 1] })).toThrow(/bad layer size 0/);
    expect(() => createMlp({ ...spec, loss: 'bce' })).toThrow(/bce needs outputActivation sigmoid/);
    expect(() => createMlp({ ...spec, activation: 'nope' as ActivationId })).toThrow(/nope/);
    const model = createMlp(spec);
    expect(() => model.trainEpoch(new Float64Array(3), new Float64Array(2), adam)).toThrow(
      /trainEpoch/,
    );
    expect(() =>
      model.trainEpoch(new Float64Array(4), new Float64Array(2), { ...adam, batchSize: 0 }),
    ).toThrow(/batchSize 0/);
  });

  it('starts dead ReLUs with a negative bias', () => {
    const model = createMlp({
      ...spec,
      activation: 'relu',
      biasInit: -20,
      init: 'uniform',
      initScale: 0.5,
    });
    const { train } = data('circle');
    model.trainEpoch(train.inputs, train.targets, { ...adam, instrument: true });
    expect(model.stats.layers[0]!.deadFraction).toBe(1);
    expect(model.layers[0]!.biases.every((b) => b === -20)).toBe(true);
  });
});
