/**
 * Backward pass against central finite differences, for every activation of the registry and
 * every loss/output pairing, on a 2-3-3-1 network. Parameters are drawn so that no hidden
 * pre-activation sits within 1e-3 of a kink of its activation (the kinks the record declares),
 * where a finite difference would straddle two slopes and mean nothing.
 */
import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../src/lib/activations/types.ts';
import { createMlp, oneHot, type Mlp, type MlpSpec } from '../../src/lib/nn/index.ts';

/** PReLU's learnable parameter, by the name its record gives it. */
const slopeName = getActivation('prelu').params.find((p) => p.learnable === true)!.name;

const inputs = new Float64Array([0.5, -1.2, -0.7, 0.3, 1.1, 0.9, -0.2, -0.6]);
const signedTargets = new Float64Array([1, -1, 1, -1]);
const binaryTargets = new Float64Array([1, 0, 1, 0]);
const classTargets = oneHot([0, 2, 1, 2], 3);

const pairings = [
  { loss: 'mse', outputActivation: 'tanh' },
  { loss: 'mse', outputActivation: 'linear' },
  { loss: 'mse', outputActivation: 'sigmoid' },
  { loss: 'bce', outputActivation: 'sigmoid' },
] as const;

/** Hidden pre-activations recomputed independently of the engine, from the layer views. */
function hiddenPreActivations(model: Mlp): number[] {
  const zs: number[] = [];
  for (let r = 0; r < 4; r++) {
    let a = [inputs[2 * r]!, inputs[2 * r + 1]!];
    model.layers.slice(0, -1).forEach((layer, l) => {
      const act = getActivation(layer.activation);
      const params = model.slope(l) === null ? undefined : { [slopeName]: model.slope(l)! };
      const next: number[] = [];
      for (let j = 0; j < layer.outSize; j++) {
        let z = layer.biases[j]!;
        for (let i = 0; i < layer.inSize; i++) z += layer.weights[j * layer.inSize + i]! * a[i]!;
        zs.push(z);
        next.push(act.f(z, params));
      }
      a = next;
    });
  }
  return zs;
}

/** A model of the pairing whose hidden pre-activations all keep clear of the kinks. */
function modelAwayFromKinks(spec: Omit<MlpSpec, 'seed'>): Mlp {
  const kinks = getActivation(spec.activation).properties.kinks;
  for (let seed = 1; seed < 500; seed++) {
    const model = createMlp({ ...spec, seed });
    const zs = hiddenPreActivations(model);
    if (zs.every((z) => kinks.every((k) => Math.abs(z - k) > 1e-3))) return model;
  }
  throw new Error(`no seed keeps ${spec.activation} away from its kinks`);
}

function numericGradient(model: Mlp, targets: Float64Array, h: number): Float64Array {
  const p = model.params;
  const out = new Float64Array(p.length);
  for (let k = 0; k < p.length; k++) {
    const v = p[k]!;
    p[k] = v + h;
    const up = model.loss(inputs, targets);
    p[k] = v - h;
    const down = model.loss(inputs, targets);
    p[k] = v;
    out[k] = (up - down) / (2 * h);
  }
  return out;
}

const smooth = activationIds.filter((id) => id !== 'step');

describe.each(smooth)('gradient check, hidden %s', (id: ActivationId) => {
  it.each(pairings)('$loss with $outputActivation output', ({ loss, outputActivation }) => {
    const model = modelAwayFromKinks({
      sizes: [2, 3, 3, 1],
      activation: id,
      outputActivation,
      loss,
      init: 'uniform',
      initScale: 1,
      biasInit: 0.1,
    });
    const targets = outputActivation === 'sigmoid' ? binaryTargets : signedTargets;
    const analytic = model.gradient(inputs, targets).slice();
    const numeric = numericGradient(model, targets, 1e-5);
    let worst = 0;
    analytic.forEach((a, k) => {
      const n = numeric[k]!;
      const err = Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-4);
      worst = Math.max(worst, err);
    });
    expect(worst).toBeLessThan(1e-5);
  });
});

// Categorical cross-entropy over a softmax output: three classes, every hidden activation.
describe.each(smooth)('gradient check, softmax + ce, hidden %s', (id: ActivationId) => {
  it('matches central differences', () => {
    const model = modelAwayFromKinks({
      sizes: [2, 3, 3, 3],
      activation: id,
      outputActivation: 'softmax',
      loss: 'ce',
      init: 'uniform',
      initScale: 1,
      biasInit: 0.1,
    });
    const analytic = model.gradient(inputs, classTargets).slice();
    const numeric = numericGradient(model, classTargets, 1e-5);
    let worst = 0;
    analytic.forEach((a, k) => {
      const n = numeric[k]!;
      worst = Math.max(worst, Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-4));
    });
    expect(worst).toBeLessThan(1e-5);
  });
});

describe('gradient check, special cases', () => {
  it('covers the learnable PReLU slope, at a non-default slope', () => {
    const model = modelAwayFromKinks({
      sizes: [2, 3, 3, 1],
      activation: 'prelu',
      activationParams: { [slopeName]: 0.4 },
      outputActivation: 'tanh',
      loss: 'mse',
      init: 'uniform',
      initScale: 1.5,
    });
    expect(model.params).toHaveLength(25 + 2);
    expect(model.slope(0)).toBe(0.4);
    const analytic = model.gradient(inputs, signedTargets).slice();
    const numeric = numericGradient(model, signedTargets, 1e-6);
    const slopeGrads = analytic.slice(-2);
    expect(slopeGrads.some((g) => g !== 0)).toBe(true);
    analytic.forEach((a, k) =>
      expect(Math.abs(a - numeric[k]!)).toBeLessThan(1e-5 * Math.max(1e-4, Math.abs(a))),
    );
  });

  it('mixes activations per layer', () => {
    const model = modelAwayFromKinks({
      sizes: [2, 3, 3, 1],
      activation: 'elu',
      activations: ['gelu', 'softsign'],
      outputActivation: 'linear',
      loss: 'mse',
      init: 'xavier',
    });
    expect(model.layers.map((l) => l.activation)).toEqual(['gelu', 'softsign', 'linear']);
    const analytic = model.gradient(inputs, signedTargets).slice();
    const numeric = numericGradient(model, signedTargets, 1e-5);
    analytic.forEach((a, k) =>
      expect(Math.abs(a - numeric[k]!)).toBeLessThan(1e-5 * Math.max(1e-4, Math.abs(a))),
    );
  });

  it('step: zero gradient below the output layer, finite everywhere, no crash', () => {
    const model = createMlp({
      sizes: [2, 3, 3, 1],
      activation: 'step',
      outputActivation: 'sigmoid',
      loss: 'bce',
      init: 'uniform',
      seed: 1,
    });
    const g = model.gradient(inputs, binaryTargets);
    expect(g.every(Number.isFinite)).toBe(true);
    const firstTwoLayers = model.layers[2]!.weights.byteOffset / 8;
    expect(g.slice(0, firstTwoLayers).every((v) => v === 0)).toBe(true);
    expect(
      Number.isFinite(
        model.trainEpoch(inputs, binaryTargets, {
          learningRate: 0.1,
          batchSize: 2,
          optimizer: 'adam',
        }),
      ),
    ).toBe(true);
  });
});
