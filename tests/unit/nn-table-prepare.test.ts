/**
 * Table kernels and the engine: a plot's short input never builds a table, a network does when
 * it is created, and from then on every call takes the table, whatever its length.
 */
import { describe, expect, test, vi } from 'vitest';
import { ulpDistance } from '../../src/lib/ulp.ts';

/**
 * Fresh copies of the kernel modules: the tables are module state, and with Vitest's shared
 * workers (isolate: false) another test file may already have built them in this process.
 */
async function freshModules() {
  vi.resetModules();
  return {
    ...(await import('../../src/lib/activations/index.ts')),
    ...(await import('../../src/lib/activations/kernels/gelu-table.ts')),
    ...(await import('../../src/lib/activations/kernels/gelu-tanh-table.ts')),
    ...(await import('../../src/lib/activations/kernels/elu-table.ts')),
    ...(await import('../../src/lib/activations/kernels/sigmoid-table.ts')),
    ...(await import('../../src/lib/activations/kernels/softplus-table.ts')),
    ...(await import('../../src/lib/nn/index.ts')),
  };
}

describe('table kernels in the engine', () => {
  test('short inputs leave the tables unbuilt; creating a network builds its own', async () => {
    const {
      activations,
      createMlp,
      eluTableReady,
      geluTableReady,
      geluTanhTableReady,
      sigmoidTableReady,
      softplusTableReady,
    } = await freshModules();
    const xs = Float64Array.from({ length: 401 }, (_, i) => -6 + (12 * i) / 400);
    const viaScalar = activations.gelu.fInto(xs, new Float64Array(xs.length));
    activations.softplus.fInto(xs, new Float64Array(xs.length));
    const sigmoidViaScalar = activations.sigmoid.fInto(xs, new Float64Array(xs.length));
    activations.silu.fInto(xs, new Float64Array(xs.length));
    activations.elu.fInto(xs, new Float64Array(xs.length));
    activations.selu.dfInto(xs, new Float64Array(xs.length));
    expect([
      geluTableReady(),
      geluTanhTableReady(),
      softplusTableReady(),
      sigmoidTableReady(),
      eluTableReady(),
    ]).toEqual([false, false, false, false, false]);

    createMlp({
      sizes: [2, 3, 1],
      activation: 'gelu',
      outputActivation: 'linear',
      loss: 'mse',
      init: 'xavier',
      seed: 1,
    });
    expect([geluTableReady(), geluTanhTableReady(), softplusTableReady()]).toEqual([
      true,
      false,
      false,
    ]);
    createMlp({
      sizes: [2, 3, 1],
      activation: 'softplus',
      outputActivation: 'linear',
      loss: 'mse',
      init: 'xavier',
      seed: 1,
    });
    expect(softplusTableReady()).toBe(true);
    expect([sigmoidTableReady(), eluTableReady()]).toEqual([false, false]);

    for (const activation of ['silu', 'selu'] as const)
      createMlp({
        sizes: [2, 3, 1],
        activation,
        outputActivation: 'linear',
        loss: 'mse',
        init: 'xavier',
        seed: 1,
      });
    expect([sigmoidTableReady(), eluTableReady()]).toEqual([true, true]);
    const sigmoidViaTable = activations.sigmoid.fInto(xs, new Float64Array(xs.length));
    sigmoidViaTable.forEach((y, i) =>
      expect(ulpDistance(y, sigmoidViaScalar[i]!)).toBeLessThanOrEqual(4),
    );

    // the same short input now runs through the table: within the contract of the scalar result
    const viaTable = activations.gelu.fInto(xs, new Float64Array(xs.length));
    viaTable.forEach((y, i) => expect(ulpDistance(y, viaScalar[i]!)).toBeLessThanOrEqual(4));
  });
});
