/**
 * Table kernels and the engine: a plot's short input never builds a table, a network does when
 * it is created, and from then on every call takes the table, whatever its length.
 */
import { describe, expect, test } from 'vitest';
import { activations } from '../../src/lib/activations/index.ts';
import { geluTableReady } from '../../src/lib/activations/kernels/gelu-table.ts';
import { geluTanhTableReady } from '../../src/lib/activations/kernels/gelu-tanh-table.ts';
import { eluTableReady } from '../../src/lib/activations/kernels/elu-table.ts';
import { sigmoidTableReady } from '../../src/lib/activations/kernels/sigmoid-table.ts';
import { softplusTableReady } from '../../src/lib/activations/kernels/softplus-table.ts';
import { createMlp } from '../../src/lib/nn/index.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';

describe('table kernels in the engine', () => {
  test('short inputs leave the tables unbuilt; creating a network builds its own', () => {
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
