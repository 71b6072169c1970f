/**
 * Golden SVG files for the plot builders: each figure rendered with the build-time renderer,
 * numbers rounded to two decimals (so a last-bit change in a kernel does not churn the files),
 * compared against tests/snapshots/golden/. A new figure writes its file on a developer's first
 * run; in CI a missing file fails. Update deliberately with `npx vitest run -u tests/snapshots`.
 */
import { describe, expect, test } from 'vitest';
import { activationIds } from '../../src/lib/activations/types.ts';
import { renderPlotToString } from '../../src/build/render-plot.ts';
import { activationPlotOptions } from '../../src/widgets/activation-plot/figure.ts';
import { explorerPlotOptions } from '../../src/widgets/explorer/model.ts';
import { comparePlotOptions, type CompareMode } from '../../src/widgets/compare/model.ts';
import { chainPlotOptions } from '../../src/widgets/chain-rule/model.ts';
import { identityPlotOptions, residualPlotOptions } from '../../src/widgets/tanh-identity/model.ts';
import { pitfallPlotOptions, pitfalls } from '../../src/widgets/float-pitfalls/model.ts';
import { costPlotOptions } from '../../src/widgets/cost-bench/model.ts';
import type * as Plot from '@observablehq/plot';

/** Rounds every decimal number in the markup, so golden files track shape, not last bits. */
function normalize(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (m) => {
    const v = Number(Number(m).toFixed(2));
    return Object.is(v, -0) ? '0' : String(v);
  });
}

function golden(name: string, options: Plot.PlotOptions): Promise<void> {
  const svg = renderPlotToString(options);
  // A mark group with a curve colour but no children is a curve that silently failed to draw.
  expect(svg, `${name} has an empty curve`).not.toMatch(/<g[^>]*(stroke|fill)="var\(--curve-\d\)"[^>]*\/>/);
  return expect(normalize(svg)).toMatchFileSnapshot(`golden/${name}.svg`);
}

describe('activation curves: one golden file per activation', () => {
  test.each(activationIds)('%s with its derivative', async (id) => {
    await golden(`activation-${id}`, activationPlotOptions({ figureId: 'g', ids: [id], derivative: true, domain: [-6, 6], description: id }, 640));
  });
});

describe('curves cut at a fixed y range, with arrowheads where they leave', () => {
  test('sigmoid, tanh and ReLU in y from -1.5 to 2 (the first figure of the Introduction)', async () => {
    await golden('frame-intro-three', activationPlotOptions({ figureId: 'g', ids: ['sigmoid', 'tanh', 'relu'], derivative: false, domain: [-5, 5], yDomain: [-1.5, 2], description: 'intro' }, 640));
  });
  test('ELU and SELU with derivatives in y from -2 to 3', async () => {
    await golden('frame-selu-vs-elu', activationPlotOptions({ figureId: 'g', ids: ['elu', 'selu'], derivative: true, domain: [-5, 3], yDomain: [-2, 3], description: 'selu' }, 640));
  });
});

describe('explorer', () => {
  test.each(['sigmoid', 'leaky-relu', 'elu', 'softplus'] as const)('%s at default parameters, cursor at 1', async (id) => {
    await golden(`explorer-${id}`, explorerPlotOptions({ activation: id, halfRange: 8, params: {}, cursor: 1 }, 640, 'g'));
  });
  test('elu with alpha 2 differs from the default', () => {
    const a = renderPlotToString(explorerPlotOptions({ activation: 'elu', halfRange: 8, params: {}, cursor: 1 }, 640, 'g'));
    const b = renderPlotToString(explorerPlotOptions({ activation: 'elu', halfRange: 8, params: { alpha: 2 }, cursor: 1 }, 640, 'g'));
    expect(a).not.toBe(b);
  });
});

describe('compare', () => {
  test.each(['f', 'df', 'logdf'] as CompareMode[])('sigmoid, tanh, relu in mode %s', async (mode) => {
    await golden(`compare-${mode}`, comparePlotOptions({ ids: ['sigmoid', 'tanh', 'relu'], mode, halfRange: mode === 'logdf' ? 16 : 5 }, 640, 'g'));
  });
});

test('chain rule at depth 10', async () => {
  await golden('chain-rule', chainPlotOptions({ depth: 10, mean: 0, spread: 1, seed: 1, weight: 1, bias: 0 }, 640, 'g'));
  // The lesson's counterexample: w = 8, b = -4 at input 1/2, where the sigmoid's factor is 2.
  await golden('chain-rule-exploding', chainPlotOptions({ depth: 10, mean: 0.5, spread: 0, seed: 1, weight: 8, bias: -4 }, 640, 'g'));
});

test('tanh identity and residual', async () => {
  await golden('tanh-identity', identityPlotOptions({ t: 1, halfRange: 4 }, 640, 'g'));
  await golden('tanh-identity-residual', residualPlotOptions({ t: 1, halfRange: 4 }, 640, 'g'));
});

describe('floating-point pitfalls', () => {
  test.each(pitfalls.map((p) => p.key))('%s', async (key) => {
    const p = pitfalls.find((q) => q.key === key);
    if (!p) throw new Error(key);
    await golden(`pitfall-${key}`, pitfallPlotOptions(p, 640, 'g'));
  });
});

test('cost chart layout for given timings', async () => {
  const costs = [
    { id: 'copy', form: 'baseline', nsPerElement: 0.4 },
    { id: 'relu', form: 'tuned', nsPerElement: 0.6 },
    { id: 'tanh', form: 'tuned', nsPerElement: 9.5 },
    { id: 'tanh', form: 'textbook', nsPerElement: 12.5 },
    { id: 'gelu', form: 'tuned', nsPerElement: 14.25 },
    { id: 'gelu', form: 'textbook', nsPerElement: 21 },
  ] as const;
  await golden('cost-chart', costPlotOptions(costs, 640, 'g'));
});
