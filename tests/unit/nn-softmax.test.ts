/**
 * The multi-class output: spec pairing, softmax and cross-entropy at huge logits, argmax
 * accuracy, predicted classes and the confusion matrix on a hand-made case, serialisation, and
 * seeded convergence on a three-class problem. The gradient check is in nn-gradient.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random.ts';
import {
  confusionMatrix,
  createMlp,
  fromJSON,
  oneHot,
  predictClasses,
  type MlpSpec,
} from '../../src/lib/nn/index.ts';

const base: MlpSpec = {
  sizes: [2, 3],
  activation: 'relu',
  outputActivation: 'softmax',
  loss: 'ce',
  init: 'zero',
  seed: 1,
};

/** A 2-3 softmax layer whose logits are (x, y, 0.5): class 0, 1 or 2 by which is largest. */
function handMade() {
  const model = createMlp(base);
  model.setParams([1, 0, 0, 1, 0, 0, 0, 0, 0.5]);
  return model;
}

describe('spec', () => {
  it('pairs softmax with ce, and only with ce, naming the bad pair', () => {
    expect(() => createMlp({ ...base, loss: 'mse' })).toThrow(/ce.*softmax.*mse with softmax/);
    expect(() => createMlp({ ...base, outputActivation: 'sigmoid' })).toThrow(RangeError);
    expect(() => createMlp({ ...base, outputActivation: 'linear' })).toThrow(/ce with linear/);
    expect(() => createMlp({ ...base, sizes: [2, 1] })).toThrow(/at least 2 outputs/);
  });
});

describe('softmax and cross-entropy', () => {
  it('stay finite and exact at huge logits', () => {
    const model = handMade();
    // Logits ±1e300 and 0.5: exp would overflow without the max subtraction.
    const x = new Float64Array([1e300, -1e300, -1e300, 1e300, 800, -800]);
    const { outputs } = model.evaluate(x, 3);
    expect(outputs.every(Number.isFinite)).toBe(true);
    for (let r = 0; r < 3; r++)
      expect(outputs[r]! + outputs[3 + r]! + outputs[6 + r]!).toBeCloseTo(1, 15);
    expect([outputs[0], outputs[3 + 1], outputs[2]]).toEqual([1, 1, 1]);
    // The right class costs nothing; a wrong one costs its logit gap, not Infinity.
    expect(model.loss(x, oneHot([0, 1, 0], 3))).toBe(0);
    expect(model.loss(x.subarray(0, 2), oneHot([1], 3))).toBe(2e300);
    expect(model.loss(x.subarray(4), oneHot([1], 3))).toBeCloseTo(1600, 10);
    expect(model.gradient(x, oneHot([2, 0, 1], 3)).every(Number.isFinite)).toBe(true);
  });

  it('has output delta p − t (the bias gradient of a single example)', () => {
    const model = handMade();
    const x = new Float64Array([0.3, -0.2]);
    const z = [0.3, -0.2, 0.5];
    const s = z.reduce((a, v) => a + Math.exp(v), 0);
    const g = model.gradient(x, oneHot([1], 3));
    z.forEach((v, k) => expect(g[6 + k]).toBeCloseTo(Math.exp(v) / s - (k === 1 ? 1 : 0), 15));
  });
});

describe('metrics', () => {
  const x = new Float64Array([2, 0, 0, 2, 0, 0, -1, -1, 1, 3]);
  const labels = [0, 1, 2, 0, 1];
  const t = oneHot(labels, 3);

  it('accuracy is the share of rows whose argmax matches', () => {
    expect(handMade().accuracy(x, t)).toBe(4 / 5);
    expect(handMade().accuracy(x, t, 123)).toBe(4 / 5);
  });

  it('predicts classes and counts them by true class (rows) and prediction (columns)', () => {
    const model = handMade();
    expect(Array.from(predictClasses(model, x, 5))).toEqual([0, 1, 2, 2, 1]);
    expect(Array.from(confusionMatrix(model, x, t, 3))).toEqual([1, 0, 1, 0, 2, 0, 0, 0, 1]);
    expect(() => confusionMatrix(model, x.subarray(1), t, 3)).toThrow(RangeError);
  });

  it('reads a one-output network as a binary classifier', () => {
    const model = createMlp({ ...base, sizes: [2, 1], outputActivation: 'sigmoid', loss: 'bce' });
    model.setParams([1, 0, 0]);
    const xs = new Float64Array([2, 0, -2, 0, 1, 0]);
    expect(Array.from(predictClasses(model, xs, 3))).toEqual([1, 0, 1]);
    expect(Array.from(confusionMatrix(model, xs, new Float64Array([1, 1, 0]), 2))).toEqual([
      0, 1, 1, 1,
    ]);
  });

  it('oneHot names a bad label', () => {
    expect(Array.from(oneHot([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHot([0, 3], 3)).toThrow(/label 3 at row 1/);
    expect(() => oneHot([0.5], 3)).toThrow(RangeError);
  });
});

/** Three Gaussian blobs in the plane, 100 points each, seeded. */
function blobs(seed: number): { inputs: Float64Array; targets: Float64Array; labels: number[] } {
  const rng = createRng(seed);
  const labels = Array.from({ length: 300 }, (_, r) => r % 3);
  const inputs = new Float64Array(600);
  labels.forEach((c, r) => {
    const angle = (2 * Math.PI * c) / 3;
    inputs[2 * r] = 2 * Math.cos(angle) + 0.6 * rng.normal();
    inputs[2 * r + 1] = 2 * Math.sin(angle) + 0.6 * rng.normal();
  });
  return { inputs, targets: oneHot(labels, 3), labels };
}

describe('training', () => {
  const spec: MlpSpec = { ...base, sizes: [2, 8, 3], init: 'he', seed: 5 };
  const options = { learningRate: 0.02, batchSize: 10, optimizer: 'adam' } as const;

  it('converges on a seeded three-class problem, bit for bit the same twice', () => {
    const { inputs, targets } = blobs(3);
    const run = () => {
      const model = createMlp(spec);
      const losses = Array.from({ length: 60 }, () => model.trainEpoch(inputs, targets, options));
      return { model, losses };
    };
    const a = run();
    const b = run();
    expect(b.losses).toEqual(a.losses);
    expect(a.losses.at(-1)!).toBeLessThan(0.25 * a.losses[0]!);
    expect(a.model.accuracy(inputs, targets)).toBeGreaterThan(0.95);
    const matrix = confusionMatrix(a.model, inputs, targets, 3);
    expect(matrix.reduce((s, v) => s + v, 0)).toBe(300);
  });

  it('round-trips through JSON and continues identically, instrumented or not', () => {
    const { inputs, targets } = blobs(4);
    const model = createMlp(spec);
    for (let e = 0; e < 3; e++) model.trainEpoch(inputs, targets, { ...options, instrument: true });
    const copy = fromJSON(JSON.stringify(model));
    expect(copy.spec.outputActivation).toBe('softmax');
    expect(copy.layers.at(-1)!.activation).toBe('softmax');
    expect(copy.trainEpoch(inputs, targets, options)).toBe(
      model.trainEpoch(inputs, targets, options),
    );
    expect(copy.params).toEqual(model.params);
    expect(model.stats.layers.at(-1)!.units).toBe(3);
  });
});
