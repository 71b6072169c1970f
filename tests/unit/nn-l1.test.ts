/**
 * L1 regularisation (TensorFlow Playground's other penalty): λ·sign(w) is added to every weight's
 * gradient and to nothing else, and with a strong penalty most weights end near zero while the
 * same run without it keeps them spread.
 */
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/lib/data/index.ts';
import { createMlp, type MlpSpec } from '../../src/lib/nn/index.ts';

const { train } = makeDataset({
  kind: 'circle',
  n: 200,
  noise: 0,
  seed: 3,
  testFraction: 0.2,
  labels: 'signed',
});
const spec: MlpSpec = {
  sizes: [2, 6, 6, 1],
  activation: 'tanh',
  outputActivation: 'tanh',
  loss: 'mse',
  init: 'xavier',
  seed: 5,
};
const n = train.targets.length;

describe('L1 penalty', () => {
  it('adds λ·sign(w) to each weight gradient and leaves biases alone', () => {
    const plain = createMlp(spec);
    const penalised = createMlp(spec);
    // one full batch, no step: both gradients are taken at the same initial weights
    const options = { learningRate: 0, batchSize: n, optimizer: 'sgd' as const, shuffle: false };
    plain.trainEpoch(train.inputs, train.targets, options);
    penalised.trainEpoch(train.inputs, train.targets, { ...options, l1: 0.25 });
    let weights = 0;
    for (const layer of plain.layers) {
      const offset = layer.weights.byteOffset / 8;
      for (let k = 0; k < layer.weights.length; k++) {
        const i = offset + k;
        expect(penalised.grads[i]).toBeCloseTo(
          plain.grads[i]! + 0.25 * Math.sign(plain.params[i]!),
          12,
        );
        weights++;
      }
      const bOffset = layer.biases.byteOffset / 8;
      for (let k = 0; k < layer.biases.length; k++)
        expect(penalised.grads[bOffset + k]).toBe(plain.grads[bOffset + k]);
    }
    expect(weights).toBe(2 * 6 + 6 * 6 + 6);
  });

  it('a strong penalty pulls most weights to near zero', () => {
    const small = (l1: number): number => {
      const model = createMlp(spec);
      for (let e = 0; e < 200; e++)
        model.trainEpoch(train.inputs, train.targets, {
          learningRate: 0.03,
          batchSize: 10,
          optimizer: 'sgd',
          l1,
        });
      const ws = model.layers.flatMap((l) => Array.from(l.weights));
      return ws.filter((w) => Math.abs(w) < 0.02).length / ws.length;
    };
    expect(small(0.01)).toBeGreaterThan(0.5);
    expect(small(0)).toBeLessThan(0.2);
  });
});
