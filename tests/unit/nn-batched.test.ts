/**
 * The batched passes at the digits' scale (64-256 units, 10 outputs): the wide weight-gradient
 * kernel against the 2×2 one (the same sums in another order, so equal to rounding), a batch's gradient against
 * the mean of its examples' gradients taken one at a time (batch size 1), finite differences on
 * a wide network, and bit-identical training runs.
 */
import { describe, expect, it } from 'vitest';
import { weightGradients, wideWeightGradients } from '../../src/lib/nn/kernels.ts';
import { createMlp, oneHot, type MlpSpec } from '../../src/lib/nn/index.ts';
import { createRng } from '../../src/lib/random.ts';

const rng = createRng(12);
const random = (length: number, scale = 1): Float64Array =>
  Float64Array.from({ length }, () => scale * (2 * rng.next() - 1));

/** Row-major inputs in [0, 1) and one-hot targets of `n` examples. */
function data(n: number, inSize: number, classes: number) {
  const inputs = Float64Array.from({ length: n * inSize }, () => rng.next());
  const targets = oneHot(
    Int32Array.from({ length: n }, () => rng.int(classes)),
    classes,
  );
  return { inputs, targets };
}

describe('wide weight-gradient kernel', () => {
  // Odd sizes on purpose: batches and widths that are not multiples of the 4×4 blocks, width 1.
  it.each([
    [64, 128, 32],
    [128, 10, 29],
    [130, 64, 1],
    [7, 5, 3],
    [3, 2, 4],
    [1, 9, 6],
    [9, 1, 7],
    [1, 1, 1],
    [5, 6, 2],
    [66, 11, 33],
  ])('matches the 2x2 kernel, %i inputs to %i units, batch %i', (inSize, outSize, n) => {
    const d = random(outSize * n);
    const a = random(inSize * n);
    const size = inSize * outSize + outSize + 3;
    const wide = new Float64Array(size).fill(7);
    const small = new Float64Array(size).fill(7);
    const at = new Float64Array(inSize * n).fill(Number.NaN);
    wideWeightGradients(wide, 2, 2 + inSize * outSize, inSize, outSize, d, a, n, at);
    weightGradients(small, 2, 2 + inSize * outSize, inSize, outSize, d, a, n);
    // The same sums in another order (groups of four examples): equal to rounding.
    for (let k = 0; k < size; k++) expect(wide[k]).toBeCloseTo(small[k]!, 13);
    // Bias sums are the same loop in both, and the cells around the layer are untouched.
    expect(wide.subarray(2 + inSize * outSize)).toEqual(small.subarray(2 + inSize * outSize));
    expect([wide[0], wide[1]]).toEqual([7, 7]);
  });
});

const wideSpec: MlpSpec = {
  sizes: [64, 128, 36, 10],
  activation: 'relu',
  outputActivation: 'softmax',
  loss: 'ce',
  init: 'he',
  biasInit: 0.01,
  seed: 3,
};

describe('batched passes on wide layers', () => {
  it('a batch gradient is the mean of one-example gradients', () => {
    const n = 32;
    const { inputs, targets } = data(n, 64, 10);
    const model = createMlp(wideSpec);
    const batched = model.gradient(inputs, targets).slice();
    const mean = new Float64Array(batched.length);
    for (let r = 0; r < n; r++) {
      const g = model.gradient(
        inputs.subarray(r * 64, (r + 1) * 64),
        targets.subarray(r * 10, (r + 1) * 10),
      );
      for (let k = 0; k < g.length; k++) mean[k]! += g[k]! / n;
    }
    let worst = 0;
    let scale = 0;
    batched.forEach((b, k) => {
      worst = Math.max(worst, Math.abs(b - mean[k]!));
      scale = Math.max(scale, Math.abs(b));
    });
    expect(scale).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-13 * scale);
    // The forward pass too: each row of a batch evaluates as it does alone.
    const all = model.evaluate(inputs, n).outputs.slice();
    for (const r of [0, 17, 31]) {
      const one = model.evaluate(inputs.subarray(r * 64), 1).outputs;
      for (let k = 0; k < 10; k++) expect(one[k]).toBeCloseTo(all[k * n + r]!, 14);
    }
  });

  it('matches central differences (smooth hidden layers, a sample of the weights)', () => {
    const { inputs, targets } = data(20, 64, 10);
    const model = createMlp({
      ...wideSpec,
      activation: 'tanh',
      init: 'xavier',
      sizes: [64, 96, 40, 10],
    });
    const analytic = model.gradient(inputs, targets).slice();
    const p = model.params;
    const h = 1e-5;
    let worst = 0;
    for (let k = 0; k < p.length; k += k < 9000 ? 41 : 7) {
      const v = p[k]!;
      p[k] = v + h;
      const up = model.loss(inputs, targets);
      p[k] = v - h;
      const down = model.loss(inputs, targets);
      p[k] = v;
      const numeric = (up - down) / (2 * h);
      worst = Math.max(
        worst,
        Math.abs(analytic[k]! - numeric) /
          Math.max(Math.abs(numeric), Math.abs(analytic[k]!), 1e-4),
      );
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('trains bit for bit the same twice, with a short last batch', () => {
    const { inputs, targets } = data(100, 64, 10);
    const run = () => {
      const model = createMlp(wideSpec);
      const losses = Array.from({ length: 3 }, () =>
        model.trainEpoch(inputs, targets, { learningRate: 0.05, batchSize: 32, optimizer: 'sgd' }),
      );
      return { losses, params: model.params };
    };
    const a = run();
    const b = run();
    expect(b.losses).toEqual(a.losses);
    expect(b.params).toEqual(a.params);
    expect(a.losses[2]!).toBeLessThan(a.losses[0]!);
  });
});
