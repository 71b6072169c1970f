import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/lib/activations/index.ts';
import { makeDataset } from '../../src/lib/data/index.ts';
import { HISTOGRAM, createMlp, type MlpSpec } from '../../src/lib/nn/index.ts';

const { train } = makeDataset({ kind: 'circle', n: 200, noise: 0, seed: 5, testFraction: 0.5 });
const options = { learningRate: 0.01, batchSize: 10, optimizer: 'adam', instrument: true } as const;
const spec: MlpSpec = {
  sizes: [2, 5, 4, 1],
  activation: 'tanh',
  outputActivation: 'tanh',
  loss: 'mse',
  init: 'xavier',
  seed: 2,
};

describe('epoch instrumentation', () => {
  it('counts every pre-activation of every example once per layer', () => {
    const model = createMlp(spec);
    expect(model.stats.epoch).toBe(0);
    model.trainEpoch(train.inputs, train.targets, options);
    expect(model.stats.epoch).toBe(1);
    model.stats.layers.forEach((s, l) => {
      const counted = s.histogram.reduce((a, b) => a + b, 0) + s.underflow + s.overflow + s.nan;
      expect(counted).toBe(train.n * spec.sizes[l + 1]!);
      expect(s.histogram).toHaveLength(HISTOGRAM.bins);
      expect(s.gradientNorm).toBeGreaterThan(0);
      expect(s.slope).toBeNull();
    });
  });

  it('leaves the stats alone on an epoch without the flag', () => {
    const model = createMlp(spec);
    model.trainEpoch(train.inputs, train.targets, options);
    const before = model.stats.layers[0]!.histogram.slice();
    model.trainEpoch(train.inputs, train.targets, { ...options, instrument: false });
    expect(model.stats.epoch).toBe(1);
    expect(model.stats.layers[0]!.histogram).toEqual(before);
  });

  it('reports dead ReLUs and saturated sigmoids', () => {
    const dead = createMlp({ ...spec, activation: 'relu', biasInit: -50 });
    dead.trainEpoch(train.inputs, train.targets, options);
    expect(dead.stats.layers[0]!.deadFraction).toBe(1);
    expect(dead.stats.layers[0]!.saturatedFraction).toBe(1);
    expect(dead.stats.layers[0]!.underflow).toBe(train.n * 5);

    const alive = createMlp({ ...spec, activation: 'relu', init: 'he', biasInit: 0.1 });
    alive.trainEpoch(train.inputs, train.targets, options);
    expect(alive.stats.layers[0]!.deadFraction).toBeLessThan(1);

    const saturated = createMlp({
      ...spec,
      activation: 'sigmoid',
      init: 'uniform',
      initScale: 0,
      biasInit: 30,
    });
    saturated.trainEpoch(train.inputs, train.targets, options);
    expect(saturated.stats.layers[0]!.saturatedFraction).toBe(1);
    expect(saturated.stats.layers[0]!.deadFraction).toBe(0);
    expect(saturated.stats.layers[0]!.overflow).toBe(train.n * 5);
  });

  it('counts a ReLU that never fires as both inactive and dead', () => {
    const model = createMlp({ ...spec, activation: 'relu', biasInit: -50 });
    model.trainEpoch(train.inputs, train.targets, options);
    expect(model.stats.layers[0]!.inactiveFraction).toBe(1);
    expect(model.stats.layers[0]!.deadFraction).toBe(1);
  });

  it('counts a Leaky ReLU that never fires as inactive but not dead, and it still learns', () => {
    // One hidden layer and a linear output, so nothing above the unit saturates and blocks its gradient.
    const model = createMlp({
      ...spec,
      sizes: [2, 5, 1],
      outputActivation: 'linear',
      activation: 'leaky-relu',
      biasInit: -50,
    });
    const before = Float64Array.from(model.layers[0]!.weights);
    model.trainEpoch(train.inputs, train.targets, options);
    const first = model.stats.layers[0]!;
    expect(first.inactiveFraction).toBe(1);
    expect(first.deadFraction).toBe(0);
    // Not dead means the unit's incoming weights really receive gradient and move.
    expect(model.layers[0]!.weights.some((w, k) => w !== before[k])).toBe(true);
  });

  it('counts a step layer as dead however it fires: its derivative is 0 everywhere', () => {
    const model = createMlp({ ...spec, activation: 'step' });
    model.trainEpoch(train.inputs, train.targets, options);
    expect(model.stats.layers[0]!.deadFraction).toBe(1);
    expect(model.stats.layers[0]!.inactiveFraction).toBeLessThan(1);
  });

  it('counts a unit inactive only when every example is negative', () => {
    // Zero weights and bias 0: z is exactly 0 on every example, which is not negative.
    const model = createMlp({
      ...spec,
      activation: 'leaky-relu',
      init: 'uniform',
      initScale: 0,
      biasInit: 0,
    });
    model.trainEpoch(train.inputs, train.targets, { ...options, learningRate: 0 });
    expect(model.stats.layers[0]!.inactiveFraction).toBe(0);
  });

  it('reports the PReLU slope of each hidden layer', () => {
    const slopeName = getActivation('prelu').params.find((p) => p.learnable === true)!.name;
    const model = createMlp({
      ...spec,
      activation: 'prelu',
      activationParams: { [slopeName]: 0.1 },
    });
    model.trainEpoch(train.inputs, train.targets, options);
    const [first, second, out] = model.stats.layers;
    expect(first!.slope).toBe(model.slope(0));
    expect(first!.slope).not.toBe(0.1);
    expect(second!.slope).toBe(model.slope(1));
    expect(out!.slope).toBeNull();
  });

  it('works with the fused bce output', () => {
    const binary = makeDataset({
      kind: 'xor',
      n: 100,
      noise: 0,
      seed: 1,
      testFraction: 0,
      labels: 'binary',
    }).train;
    const model = createMlp({ ...spec, outputActivation: 'sigmoid', loss: 'bce' });
    const loss = model.trainEpoch(binary.inputs, binary.targets, options);
    expect(Number.isFinite(loss)).toBe(true);
    expect(model.stats.layers.at(-1)!.saturatedFraction).toBe(0);
  });
});
