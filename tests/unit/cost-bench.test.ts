/** The cost widget's pieces: the textbook loops, what a run measures and in which order, and its summary. */
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../src/lib/activations/types.ts';
import { benchInputs, measureCosts, type KernelCost } from '../../src/lib/kernel-cost.ts';
import { textbookKernels } from '../../src/lib/textbook-kernels.ts';
import {
  costSummary,
  kernelCode,
  kernelName,
  orderCosts,
  timesRelu,
} from '../../src/widgets/cost-bench/model.ts';

/** A clock that advances 1 ms per reading: every timed round is then exactly one call. */
function tickingClock(): () => number {
  let t = 0;
  return () => (t += 1);
}

describe('textbook kernels', () => {
  const xs = benchInputs(512);
  const out = new Float64Array(xs.length);
  const withTextbook = Object.keys(textbookKernels) as ActivationId[];

  it('cover every function that needs exp, tanh or log', () => {
    expect(withTextbook.sort()).toEqual([
      'elu',
      'gelu',
      'gelu-tanh',
      'mish',
      'sigmoid',
      'silu',
      'softplus',
      'tanh',
    ]);
  });

  // GELU's textbook row is the tanh approximation, so it is checked against that record.
  const reference = (id: ActivationId) => activations[id === 'gelu' ? 'gelu-tanh' : id];

  it.each(withTextbook)('%s: the loops compute f and f′ on the bench inputs', (id) => {
    const kernel = textbookKernels[id]!;
    const a = reference(id);
    kernel.f(xs, out);
    xs.forEach((x, i) => expect(out[i]).toBeCloseTo(a.f(x), 9));
    kernel.df(xs, out);
    xs.forEach((x, i) => expect(out[i]).toBeCloseTo(a.df(x), 9));
  });
});

describe('measureCosts', () => {
  const ids = ['sigmoid', 'relu', 'tanh'] as const;

  it('times each tuned kernel, then its textbook loop when asked, after the baseline', () => {
    const costs = measureCosts(ids, {
      size: 64,
      roundMs: 1,
      rounds: 1,
      now: tickingClock(),
      textbook: true,
    });
    expect(costs.map((c) => `${c.id}/${c.form}`)).toEqual([
      'copy/baseline',
      'sigmoid/tuned',
      'sigmoid/textbook',
      'relu/tuned',
      'tanh/tuned',
      'tanh/textbook',
    ]);
    for (const c of costs) expect(c.nsPerElement).toBeGreaterThan(0);
  });

  it('times the tuned kernels only by default, and streams every result', () => {
    const seen: KernelCost[] = [];
    const costs = measureCosts(
      ids,
      { size: 64, roundMs: 1, rounds: 1, now: tickingClock(), derivative: true },
      (c) => seen.push(c),
    );
    expect(costs.map((c) => c.form)).toEqual(['baseline', 'tuned', 'tuned', 'tuned']);
    expect(seen).toEqual(costs);
  });
});

describe('cost widget model', () => {
  const cost = (id: KernelCost['id'], form: KernelCost['form'], ns: number): KernelCost => ({
    id,
    form,
    nsPerElement: ns,
  });
  const run = [
    cost('copy', 'baseline', 0.2),
    cost('sigmoid', 'tuned', 5),
    cost('sigmoid', 'textbook', 20),
    cost('relu', 'tuned', 1.6),
    cost('tanh', 'tuned', 6),
    cost('tanh', 'textbook', 12),
    cost('mish', 'tuned', 9),
  ];

  it('orders the baseline first, then tuned kernels by time, each followed by its textbook loop', () => {
    expect(orderCosts(run).map((c) => `${c.id}/${c.form}`)).toEqual([
      'copy/baseline',
      'relu/tuned',
      'sigmoid/tuned',
      'sigmoid/textbook',
      'tanh/tuned',
      'tanh/textbook',
      'mish/tuned',
    ]);
  });

  it('keeps a textbook result whose tuned kernel has not arrived', () => {
    expect(
      orderCosts([cost('tanh', 'textbook', 3), cost('copy', 'baseline', 0.2)]).map((c) => c.form),
    ).toEqual(['baseline', 'textbook']);
  });

  it('names each kernel and the code it ran', () => {
    expect(kernelName(cost('tanh', 'textbook', 1))).toBe('Tanh, textbook');
    expect(kernelName(cost('tanh', 'tuned', 1))).toBe('Tanh');
    expect(kernelName(cost('copy', 'baseline', 1))).toBe('array copy (baseline)');
    expect(kernelCode(cost('sigmoid', 'textbook', 1))).toBe('1 / (1 + Math.exp(-x))');
  });

  it('states ratios to ReLU, with one decimal below 10', () => {
    expect(timesRelu(5, 1.6)).toBe('3.1×');
    expect(timesRelu(20, 1.6)).toBe('13×');
    expect(timesRelu(5, NaN)).toBe('');
  });

  it('summarises a run from its own numbers', () => {
    expect(costSummary(run, false)).toBe(
      'Measured on this device: ReLU 1.60 ns per element; Sigmoid 3.1× ReLU tuned, 13× as the textbook 1 / (1 + Math.exp(-x)); Tanh 3.8× ReLU tuned, 7.5× as the textbook Math.tanh(x); slowest: Sigmoid, textbook at 13× ReLU.',
    );
    expect(costSummary(run, true)).toMatch(/^Measured on this device, timing f′: /);
  });

  it('has a kernel for every activation in a full run', () => {
    const costs = measureCosts(activationIds, {
      size: 16,
      roundMs: 1,
      rounds: 1,
      now: tickingClock(),
      textbook: true,
    });
    expect(orderCosts(costs)).toHaveLength(costs.length);
  });
});
